# cartable_add_test(NAME name SOURCES ... [LIBS ...] [LABELS ...] [ENVIRONMENT ...]
#                   [WRAPPER command ...] [TIMEOUT seconds])
#
# Builds one QtTest executable and registers it with CTest. Each test links
# only what it tests plus the shared test support library. A test that cannot
# run here (no session bus, no PostgreSQL) exits with 77 and is reported as
# skipped, never as passed.
function(cartable_add_test)
    cmake_parse_arguments(arg "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;WRAPPER;ARGS" ${ARGN})
    if(NOT arg_NAME OR NOT arg_SOURCES)
        message(FATAL_ERROR "cartable_add_test needs NAME and SOURCES")
    endif()
    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE Qt6::Test cartable_test_support ${arg_LIBS} cartable_build_settings)
    add_test(NAME ${arg_NAME} COMMAND ${arg_WRAPPER} $<TARGET_FILE:${arg_NAME}> ${arg_ARGS})
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "CARTABLE_SERVER_BINARY=$<TARGET_FILE:cartable-server>"
        "CARTABLE_CLI_BINARY=$<TARGET_FILE:cartable-cli>"
        "QT_LOGGING_RULES=cartable.*.debug=false"
        ${arg_ENVIRONMENT})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()
    set_tests_properties(${arg_NAME} PROPERTIES
        LABELS "${arg_LABELS}"
        ENVIRONMENT "${env}"
        TIMEOUT ${arg_TIMEOUT}
        SKIP_RETURN_CODE 77)
endfunction()
