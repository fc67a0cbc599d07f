# Every compile setting of the project lives in this one INTERFACE target.
# Targets link it; nobody touches the global CMAKE_CXX_FLAGS.
add_library(cartable_build_settings INTERFACE)
add_library(Cartable::BuildSettings ALIAS cartable_build_settings)

target_compile_features(cartable_build_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(cartable_build_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast -Wnon-virtual-dtor
    $<$<BOOL:${CARTABLE_WARNINGS_AS_ERRORS}>:-Werror>)

target_compile_definitions(cartable_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    CARTABLE_VERSION="${PROJECT_VERSION}")

if(CARTABLE_SANITIZERS)
    target_compile_options(cartable_build_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(cartable_build_settings INTERFACE -fsanitize=address,undefined)
endif()
