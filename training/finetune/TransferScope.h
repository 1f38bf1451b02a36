#pragma once

#include <string>

namespace logonet::training {

// Which weights of a pre-training checkpoint initialise fine-tuning (`train --init-scope`).
// Branches: every tensor of both branches, the spec's transfer. Encoders: the branches' encoders
// only; the decoders and the segmentation head start as from scratch. Pre-training trains each
// decoder's out-channel map to feed the clustering head, and those few channels are also the
// only path to the segmentation head, so they arrive shaped for cluster prediction.
enum class TransferScope { Branches, Encoders };

// "branches" or "encoders"; throws std::invalid_argument naming the accepted values.
TransferScope parseTransferScope(const std::string& name);
std::string transferScopeName(TransferScope scope);

// Whether the tensor of that dotted name ("global.encoder.stages.0.embedding.conv.weight")
// is taken from the checkpoint.
bool transfersTensor(TransferScope scope, const std::string& name);

}  // namespace logonet::training
