#pragma once

namespace logonet {

// Registers the ITK image IO factories core/io uses (NIfTI, NRRD, MetaImage, GDCM). We do not
// use ITK_USE_FILE, so nothing registers them implicitly; safe to call from any thread, any
// number of times.
void registerImageIoFactories();

}  // namespace logonet
