#include <filesystem>
#include <iostream>

#include "commands/Commands.h"
#include "commands/ProjectCommandParts.h"
#include "io/ImageWriter.h"
#include "phantom/PhantomGenerator.h"

namespace logonet::cli {

namespace {

namespace fs = std::filesystem;

int runDemoData(const CommandLine& line) {
    line.rejectUnknown({"out", "cases", "seed", "size"});
    const fs::path out = line.required("out");
    const int64_t cases = line.integer("cases", 4);
    const int64_t seed = line.integer("seed", 1);
    const std::vector<int64_t> size = line.integers("size", {96, 96, 64}, 3);
    if (cases < 1 || cases > 10000) {
        throw UsageError("--cases must be between 1 and 10000");
    }
    for (const int64_t s : size) {
        if (s < 8 || s > 1024) {
            throw UsageError("--size values must be between 8 and 1024");
        }
    }
    std::error_code ec;
    fs::create_directories(out / "imagesTr", ec);
    fs::create_directories(out / "labelsTr", ec);
    if (ec) {
        throw std::runtime_error(out.string() + ": cannot create the folder: " + ec.message());
    }
    const LabelSet labels = phantomLabelSet();
    Json training = Json::array();
    for (int64_t n = 0; n < cases; ++n) {
        PhantomOptions options;
        options.size = {size[0], size[1], size[2]};
        options.seed = static_cast<uint64_t>(seed + n);
        const PhantomCase phantom = generatePhantom(options);
        char name[32];
        std::snprintf(name, sizeof name, "case_%03lld.nii.gz", static_cast<long long>(n));
        writeImage(phantom.image, (out / "imagesTr" / name).string(), StoredPixelType::Int16);
        writeLabelMap(phantom.labels, (out / "labelsTr" / name).string());
        Json entry = Json::object();
        entry["image"] = std::string("./imagesTr/") + name;
        entry["label"] = std::string("./labelsTr/") + name;
        training.push_back(entry);
    }
    Json labelNames = Json::object();
    labelNames["0"] = "background";
    for (const LabelEntry& entry : labels.entries()) {
        labelNames[std::to_string(entry.value)] = entry.name;
    }
    Json dataset = Json::object();
    dataset["name"] = "LoGoNet phantom abdomen";
    dataset["description"] = "Synthetic abdominal CT with BTCV label values";
    dataset["tensorImageSize"] = "3D";
    Json modality = Json::object();
    modality["0"] = "CT";
    dataset["modality"] = modality;
    dataset["labels"] = labelNames;
    dataset["numTraining"] = cases;
    dataset["numTest"] = 0;
    dataset["training"] = training;
    dataset["test"] = Json::array();
    writeJsonFileAtomically((out / "dataset.json").string(), dataset);
    std::cout << "wrote " << cases << " phantom case(s) to " << out.string() << "\n";
    return 0;
}

}  // namespace

void appendDemoDataCommand(std::vector<Command>& commands) {
    commands.push_back(
        {"demo-data",
         "write synthetic abdominal CT cases (phantoms) as NIfTI",
         "usage: logonet demo-data --out DIR [--cases N] [--seed S] [--size X,Y,Z]\n"
         "Writes DIR/imagesTr/case_000.nii.gz, DIR/labelsTr/case_000.nii.gz, ... and a\n"
         "dataset.json in the Medical Segmentation Decathlon layout (BTCV label values).\n"
         "  --cases  number of cases (default 4)\n"
         "  --seed   seed of the first case; case n uses seed + n (default 1)\n"
         "  --size   voxels per axis (default 96,96,64), spacing 1.5x1.5x2 mm",
         {},
         runDemoData});
}

}  // namespace logonet::cli
