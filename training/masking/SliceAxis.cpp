#include "masking/SliceAxis.h"

#include <stdexcept>

namespace logonet::training {

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

}  // namespace logonet::training
