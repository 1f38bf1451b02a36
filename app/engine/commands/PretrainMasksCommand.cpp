#include <filesystem>
#include <iostream>

#include "commands/PretrainCommandSet.h"
#include "commands/PretrainProjectData.h"
#include "masking/SliceMasker.h"

#ifdef LOGONET_HAVE_STORAGE
#include "io/ImageWriter.h"
#endif

namespace logonet::cli {

namespace {

#ifdef LOGONET_HAVE_STORAGE
int runMasks(const CommandLine& line) {
    line.rejectUnknown(
        {"project", "scan", "seed", "phi1", "phi2", "length", "axis", "crop", "out"});
    const std::string out = line.required("out");
    training::SliceMaskingOptions options;
    options.phi1 = line.number("phi1", 0.1);
    options.phi2 = line.number("phi2", 0.7);
    options.length = line.integer("length", 5);
    options.axis = parseSliceAxis(line.option("axis", "axial"));
    const int64_t crop = line.integer("crop", 96);
    const uint64_t seed = static_cast<uint64_t>(line.integer("seed", 0));

    Project project = Project::open(line.required("project"), Project::Access::Shared);
    const ScanRecord scan = project.scan(line.integer("scan", -1));
    const PretrainCrop loaded = loadPreparedCrop(project, scan, crop);
    training::SliceMasker masker(options, seed);
    const auto masked = masker.mask(loaded.volume.unsqueeze(0).unsqueeze(0));

    std::filesystem::create_directories(out);
    // (X, Y, Z) -> voxel order x fastest: the contiguous (Z, Y, X) tensor.
    const auto voxels = masked.input[0][0].permute({2, 1, 0}).contiguous();
    ImageVolume image(
        loaded.geometry,
        std::vector<float>(voxels.data_ptr<float>(), voxels.data_ptr<float>() + voxels.numel()));
    const std::string imagePath = (std::filesystem::path(out) / "masked.nii.gz").string();
    writeImage(image, imagePath, StoredPixelType::Float);

    Json slices = Json::array();
    for (const auto& slice : masked.slices[0]) {
        slices.push_back(Json(Json::Object{{"index", Json(slice.index)},
                                           {"patch_size", Json(slice.patchSize)},
                                           {"patches", Json(slice.patches)},
                                           {"zeroed", Json(slice.zeroed)}}));
    }
    Json manifest = Json::object();
    manifest["scan"] = scan.id;
    manifest["image"] = "masked.nii.gz";
    manifest["axis"] = sliceAxisName(options.axis);
    manifest["crop"] = crop;
    manifest["seed"] = static_cast<int64_t>(seed);
    manifest["phi1"] = options.phi1;
    manifest["phi2"] = options.phi2;
    manifest["length"] = options.length;
    manifest["masked_slices"] = slices;
    writeJsonFileAtomically((std::filesystem::path(out) / "masks.json").string(), manifest);
    std::cout << imagePath << ": " << masked.slices[0].size() << " masked slices\n";
    return 0;
}
#endif

}  // namespace

Command masksCommand() {
    Command command;
    command.name = "masks";
    command.summary = "write the masked crop pre-training sees for one scan (NIfTI + JSON)";
    command.usage =
        "usage: logonet masks --project DIR --scan ID --out DIR [--seed S] [--phi1 0.1]\n"
        "                     [--phi2 0.7] [--length 5] [--axis axial] [--crop 96]\n\n"
        "Writes OUT/masked.nii.gz (the scan prepared at the project's spacing and intensities,\n"
        "as pre-training's crops are, cut to its centred crop^3 window and masked, placed over\n"
        "the scan) and OUT/masks.json (each masked slice, its patch size and how many of its\n"
        "patches were zeroed).";
#ifdef LOGONET_HAVE_STORAGE
    command.run = runMasks;
#else
    command.run = refuseWithoutProjectLayer;
#endif
    return command;
}

}  // namespace logonet::cli
