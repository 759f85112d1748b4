# Shared compile settings: one INTERFACE target with warnings, one with strict Qt defines.

add_library(medgemma_warnings INTERFACE)
target_compile_options(medgemma_warnings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wshadow=local -Wnon-virtual-dtor -Wno-unused-parameter>)

add_library(medgemma_qt_defaults INTERFACE)
target_compile_definitions(medgemma_qt_defaults INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER)

# medgemma_glob_module_sources(<var> <dir>): the module's .cpp/.h files, re-globbed on build so
# a new file needs no CMake edit.
function(medgemma_glob_module_sources out dir)
    file(GLOB_RECURSE _srcs CONFIGURE_DEPENDS
        "${dir}/*.cpp" "${dir}/*.h")
    set(${out} ${_srcs} PARENT_SCOPE)
endfunction()
