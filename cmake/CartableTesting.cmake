# cartable_add_test(NAME name SOURCES ... [LIBS ...] [LABELS ...] [ENVIRONMENT ...]
#                   [WRAPPER command ...] [ARGS ...] [TIMEOUT seconds] [BACKENDS])
#
# Builds one QtTest executable and registers it with CTest. Each test links
# only what it tests plus the shared test support library. A test that cannot
# run here (no session bus, no PostgreSQL) exits with 77 and is reported as
# skipped, never as passed.
#
# With BACKENDS the executable is registered twice, as NAME_sqlite and
# NAME_postgres, with CARTABLE_TEST_BACKEND set accordingly.
function(cartable_add_test)
    cmake_parse_arguments(arg "BACKENDS" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT;WRAPPER;ARGS" ${ARGN})
    if(NOT arg_NAME OR NOT arg_SOURCES)
        message(FATAL_ERROR "cartable_add_test needs NAME and SOURCES")
    endif()
    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE Qt6::Test cartable_test_support ${arg_LIBS} cartable_build_settings)
    # The tests start these programs.
    add_dependencies(${arg_NAME} cartable-server cartable-cli)
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()

    if(arg_BACKENDS)
        set(backends sqlite postgres)
    else()
        set(backends "")
    endif()
    foreach(backend IN LISTS backends ITEMS "")
        if(arg_BACKENDS AND backend STREQUAL "")
            continue()
        endif()
        set(test_name ${arg_NAME})
        set(labels ${arg_LABELS})
        set(env
            "QT_QPA_PLATFORM=offscreen"
            "CARTABLE_SERVER_BINARY=$<TARGET_FILE:cartable-server>"
            "CARTABLE_CLI_BINARY=$<TARGET_FILE:cartable-cli>"
            "CARTABLE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
            ${arg_ENVIRONMENT})
        if(backend)
            set(test_name ${arg_NAME}_${backend})
            list(APPEND labels ${backend})
            list(APPEND env "CARTABLE_TEST_BACKEND=${backend}")
        endif()
        add_test(NAME ${test_name} COMMAND ${arg_WRAPPER} $<TARGET_FILE:${arg_NAME}> ${arg_ARGS})
        set_tests_properties(${test_name} PROPERTIES
            LABELS "${labels}"
            ENVIRONMENT "${env}"
            TIMEOUT ${arg_TIMEOUT}
            SKIP_RETURN_CODE 77)
    endforeach()
endfunction()
