#include "phantom/PhantomGenerator.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace logonet {

namespace {

// BTCV values of the organs the phantom draws.
constexpr LabelValue kSpleen = 1, kRightKidney = 2, kLeftKidney = 3, kLiver = 6, kStomach = 7,
                     kAorta = 8;

// An organ as a deformed, rotated ellipsoid in body-normalised coordinates: x in units of the
// body's left-right half width, y of its anterior-posterior half depth, z of the half height.
struct Blob {
    LabelValue label = 0;
    float intensity = 0;
    Vec3 centre{0, 0, 0};
    Vec3 radii{1, 1, 1};
    double angle = 0;   // rotation about z, radians
    double wobble = 0;  // amplitude of the surface deformation
    Vec3 frequency{1, 1, 1};
    Vec3 phase{0, 0, 0};

    // < 1 inside; the deformation varies the surface radius smoothly.
    double level(double x, double y, double z) const {
        const double dx = x - centre[0], dy = y - centre[1], dz = z - centre[2];
        const double c = std::cos(angle), s = std::sin(angle);
        const double u = (c * dx + s * dy) / radii[0];
        const double v = (-s * dx + c * dy) / radii[1];
        const double w = dz / radii[2];
        const double bump = 1.0 + wobble * std::sin(frequency[0] * u + phase[0]) *
                                      std::sin(frequency[1] * v + phase[1]) *
                                      std::cos(frequency[2] * w + phase[2]);
        return (u * u + v * v + w * w) / (bump * bump);
    }
};

class Randomness {
  public:
    explicit Randomness(uint64_t seed) : engine_(seed * 0x9E3779B97F4A7C15ULL + 12345) {}
    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(engine_);
    }
    std::mt19937_64& engine() { return engine_; }

  private:
    std::mt19937_64 engine_;
};

Blob makeBlob(Randomness& random, LabelValue label, float intensity, Vec3 centre, Vec3 radii) {
    Blob blob;
    blob.label = label;
    blob.intensity = intensity + static_cast<float>(random.uniform(-8, 8));
    for (int a = 0; a < 3; ++a) {
        blob.centre[a] = centre[a] + random.uniform(-0.05, 0.05);
        blob.radii[a] = radii[a] * random.uniform(0.85, 1.15);
        blob.frequency[a] = random.uniform(1.5, 3.5);
        blob.phase[a] = random.uniform(0, 6.283);
    }
    blob.angle = random.uniform(-0.25, 0.25);
    blob.wobble = random.uniform(0.05, 0.15);
    return blob;
}

}  // namespace

LabelSet phantomLabelSet() {
    const LabelSet btcv = LabelSet::btcv();
    std::vector<LabelEntry> entries;
    for (LabelValue value : {kSpleen, kRightKidney, kLeftKidney, kLiver, kStomach, kAorta}) {
        entries.push_back(*btcv.find(value));
    }
    return LabelSet(entries);
}

PhantomCase generatePhantom(const PhantomOptions& options) {
    for (int a = 0; a < 3; ++a) {
        if (options.size[a] < 4 || options.spacing[a] <= 0) {
            throw std::invalid_argument(
                "phantom size must be at least 4 voxels and spacing positive");
        }
    }
    if (!(options.enhancement >= 0.0 && options.enhancement <= 4.0) ||
        !(std::abs(options.craniocaudalShift) <= 0.5)) {
        throw std::invalid_argument(
            "phantom enhancement must be in [0, 4] and craniocaudal shift in [-0.5, 0.5]");
    }
    ImageGeometry geometry;
    geometry.size = options.size;
    geometry.spacing = options.spacing;
    for (int a = 0; a < 3; ++a) {
        // Centred on the world origin, as scanners centre the table.
        geometry.origin[a] = -0.5 * static_cast<double>(options.size[a] - 1) * options.spacing[a];
    }
    Randomness random(options.seed);

    // Body: an elliptic cylinder filling most of the field of view.
    const double fovX = options.size[0] * options.spacing[0];
    const double fovY = options.size[1] * options.spacing[1];
    const double fovZ = options.size[2] * options.spacing[2];
    const double bodyA = 0.46 * fovX * random.uniform(0.9, 1.0);
    const double bodyB = 0.36 * fovY * random.uniform(0.85, 1.0);
    const double halfZ = 0.5 * fovZ;
    const double fatLayer = random.uniform(0.08, 0.14);
    const double muscleLayer = 0.06;

    // Contrast-enhanced intensities are the unenhanced 40 HU plus the phase's share of the
    // portal-venous enhancement.
    const auto enhanced = [&options](double hu) {
        return static_cast<float>(40.0 + options.enhancement * (hu - 40.0));
    };
    // Organs in the patient's frame (LPS): -x is the patient's right, -y anterior, +z superior.
    std::vector<Blob> blobs;
    blobs.push_back(makeBlob(random, kLiver, enhanced(60), {-0.38, -0.05, 0.3}, {0.42, 0.5, 0.5}));
    blobs.push_back(makeBlob(random, kSpleen, enhanced(48), {0.55, 0.3, 0.35}, {0.16, 0.22, 0.28}));
    blobs.push_back(
        makeBlob(random, kRightKidney, enhanced(150), {-0.32, 0.42, -0.25}, {0.13, 0.17, 0.3}));
    blobs.push_back(
        makeBlob(random, kLeftKidney, enhanced(150), {0.32, 0.42, -0.18}, {0.13, 0.17, 0.3}));
    blobs.push_back(
        makeBlob(random, kStomach, enhanced(35), {0.3, -0.3, 0.35}, {0.24, 0.22, 0.28}));
    const Blob& stomach = blobs.back();
    const double airLevel = stomach.centre[1] - random.uniform(0.3, 0.6) * stomach.radii[1];

    // The aorta runs along z in front of the spine, slightly to the patient's left.
    const double aortaX = 0.06 + random.uniform(-0.03, 0.03);
    const double aortaY = 0.3 + random.uniform(-0.03, 0.03);
    const double aortaRadiusMm =
        std::max(0.07 * bodyA, 1.1 * std::max(options.spacing[0], options.spacing[1]));
    const float aortaIntensity = enhanced(200 + random.uniform(-15, 15));
    const double spineY = 0.58, spineRadius = 0.16;

    PhantomCase result{ImageVolume(geometry, -1000.0f), LabelVolume(geometry, 0)};
    float* image = result.image.data();
    LabelValue* labels = result.labels.data();
    for (int64_t k = 0; k < options.size[2]; ++k) {
        const double zMm = geometry.origin[2] + k * options.spacing[2];
        const double z = zMm / halfZ - options.craniocaudalShift;
        for (int64_t j = 0; j < options.size[1]; ++j) {
            const double yMm = geometry.origin[1] + j * options.spacing[1];
            const double y = yMm / bodyB;
            for (int64_t i = 0; i < options.size[0]; ++i) {
                const double xMm = geometry.origin[0] + i * options.spacing[0];
                const double x = xMm / bodyA;
                const double radius = std::sqrt(x * x + y * y);
                if (radius >= 1.0) {
                    continue;
                }
                const size_t n = result.image.offset(i, j, k);
                float value = -95.0f;  // subcutaneous fat
                LabelValue label = 0;
                if (radius < 1.0 - fatLayer) {
                    value = 50.0f;  // abdominal wall muscle
                }
                if (radius < 1.0 - fatLayer - muscleLayer) {
                    // Abdominal cavity: fat between bowel loops, varying smoothly.
                    value = static_cast<float>(-40.0 + 40.0 * std::sin(3.1 * x + 1.7 * z) *
                                                           std::cos(2.3 * y));
                    const double sx = x / spineRadius, sy = (y - spineY) / spineRadius;
                    if (sx * sx + sy * sy < 1.0) {
                        value = 450.0f;  // vertebral body
                    }
                    for (const Blob& blob : blobs) {
                        if (blob.level(x, y, z) < 1.0) {
                            label = blob.label;
                            value = blob.intensity;
                            if (blob.label == kStomach && y < airLevel) {
                                value = -1000.0f;  // swallowed air floats anteriorly
                            }
                        }
                    }
                    const double ax = xMm - aortaX * bodyA, ay = yMm - aortaY * bodyB;
                    if (ax * ax + ay * ay < aortaRadiusMm * aortaRadiusMm) {
                        label = kAorta;
                        value = aortaIntensity;
                    }
                }
                image[n] = value;
                labels[n] = label;
            }
        }
    }
    if (options.noise > 0) {
        std::normal_distribution<float> noise(0.0f, static_cast<float>(options.noise));
        for (size_t n = 0; n < result.image.voxels().size(); ++n) {
            // + 0.0f turns a rounded -0.0 into 0.0, as an int16 file would store it.
            image[n] = std::round(image[n] + noise(random.engine())) + 0.0f;
        }
    }
    return result;
}

}  // namespace logonet
