#include "masking/SliceAxis.h"

#include <stdexcept>

namespace logonet {

SliceAxis parseSliceAxis(const std::string& name) {
    if (name == "axial") {
        return SliceAxis::Axial;
    }
    if (name == "coronal") {
        return SliceAxis::Coronal;
    }
    if (name == "sagittal") {
        return SliceAxis::Sagittal;
    }
    throw std::invalid_argument("unknown slicing axis '" + name +
                                "' (use axial, coronal or sagittal)");
}

std::string sliceAxisName(SliceAxis axis) {
    switch (axis) {
        case SliceAxis::Sagittal:
            return "sagittal";
        case SliceAxis::Coronal:
            return "coronal";
        case SliceAxis::Axial:
            return "axial";
    }
    return "axial";
}

std::array<int, 2> slicePlaneAxes(SliceAxis axis) {
    switch (axis) {
        case SliceAxis::Sagittal:
            return {1, 2};
        case SliceAxis::Coronal:
            return {0, 2};
        case SliceAxis::Axial:
            break;
    }
    return {0, 1};
}

}  // namespace logonet
