# Finds the three OpenCV libraries dicom/ uses (core, imgproc, imgcodecs) without the full
# libopencv-dev metapackage, whose OpenCVConfig.cmake drags in every OpenCV module.
# Defines the imported target OpenCVLite::OpenCVLite.
find_path(OpenCVLite_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
foreach(_c core imgproc imgcodecs)
    find_library(OpenCVLite_${_c}_LIBRARY NAMES opencv_${_c})
    list(APPEND _opencvlite_required OpenCVLite_${_c}_LIBRARY)
endforeach()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OpenCVLite REQUIRED_VARS OpenCVLite_INCLUDE_DIR ${_opencvlite_required})
if(OpenCVLite_FOUND AND NOT TARGET OpenCVLite::OpenCVLite)
    add_library(OpenCVLite::OpenCVLite INTERFACE IMPORTED)
    set_target_properties(OpenCVLite::OpenCVLite PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${OpenCVLite_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "${OpenCVLite_imgcodecs_LIBRARY};${OpenCVLite_imgproc_LIBRARY};${OpenCVLite_core_LIBRARY}")
endif()
