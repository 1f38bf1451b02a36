#pragma once

#include <string>

#include "volume/Volume.h"

namespace logonet {

struct DicomSeriesTags {
    std::string seriesUid = "1.2.826.0.1.3680043.10.1044.1";
    std::string studyUid = "1.2.826.0.1.3680043.10.1044.0";
    std::string description = "phantom";
    std::string modality = "CT";
    std::string patientName = "PHANTOM";
};

// Writes a volume as a DICOM series, one int16 file per axial slice (slice_0000.dcm, ...), with
// position and orientation from the geometry. For exchanging phantoms with DICOM tools and for
// testing DICOM import without patient data. Throws ImageWriteError.
void writeDicomSeries(const ImageVolume& image, const std::string& folder,
                      const DicomSeriesTags& tags = {});

}  // namespace logonet
