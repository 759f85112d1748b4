# Enforces the dependency direction of ARCHITECTURE.md at configure time:
#   app -> ui -> dicom, app -> inference; inference and dicom are leaves.
# Each rule lists regular expressions that must not match any item a module target links.

set(_medgemma_forbidden_medgemma_inference
    "^Qt6?::" "^DCMTK::" "^dcmtk" "^opencv_" "OpenCV" "medgemma_dicom" "medgemma_ui" "medgemma_app")
set(_medgemma_forbidden_medgemma_dicom
    "^Qt6?::Gui" "^Qt6?::Widgets" "^torch" "^c10" "Torch" "medgemma_inference" "medgemma_ui" "medgemma_app")
set(_medgemma_forbidden_medgemma_ui
    "^torch" "^c10" "Torch" "^DCMTK::" "^dcmtk" "^opencv_" "OpenCV" "medgemma_inference" "medgemma_app")

function(_medgemma_check_target target)
    if(NOT TARGET ${target})
        return()
    endif()
    set(_items "")
    foreach(_prop LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
        get_target_property(_v ${target} ${_prop})
        if(_v)
            list(APPEND _items ${_v})
        endif()
    endforeach()
    foreach(_item IN LISTS _items)
        # Generator expressions such as $<LINK_ONLY:x> still name x.
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" _item "${_item}")
        foreach(_pattern IN LISTS _medgemma_forbidden_${target})
            if(_item MATCHES "${_pattern}")
                message(FATAL_ERROR
                    "Module boundary violated: ${target} links '${_item}', which ARCHITECTURE.md forbids "
                    "(rule '${_pattern}'). Move the code to the module that may use it.")
            endif()
        endforeach()
    endforeach()
endfunction()

function(medgemma_check_module_boundaries)
    foreach(t medgemma_inference medgemma_dicom medgemma_ui)
        _medgemma_check_target(${t})
    endforeach()
endfunction()
