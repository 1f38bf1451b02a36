// Image I/O through ITK: round trips keep voxels and geometry for axial, flipped and oblique
// grids in every format; bad files fail with a message naming the file and the problem.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "HandWrittenNifti.h"
#include "io/ImageReader.h"
#include "io/ImageWriter.h"

using namespace logonet;

namespace {

Mat3 rotation(double aboutZ, double aboutX) {
    const double cz = std::cos(aboutZ), sz = std::sin(aboutZ);
    const double cx = std::cos(aboutX), sx = std::sin(aboutX);
    // Rz * Rx, row-major.
    return {cz, -sz * cx, sz * sx, sz, cz * cx, -cz * sx, 0, sx, cx};
}

ImageGeometry geometryWith(const Mat3& direction) {
    ImageGeometry g;
    g.size = {7, 5, 4};
    g.spacing = {0.75, 1.25, 2.5};
    g.origin = {-12.5, 30.25, 101.0};
    g.direction = direction;
    return g;
}

ImageVolume rampImage(const ImageGeometry& g, bool wholeNumbers) {
    ImageVolume image(g);
    for (size_t n = 0; n < image.voxels().size(); ++n) {
        image.voxels()[n] = wholeNumbers
                                ? static_cast<float>(static_cast<int>(n * 37 % 2001) - 1000)
                                : 0.25f * static_cast<float>(n) - 3.1f;
    }
    return image;
}

void compareGeometry(const ImageGeometry& a, const ImageGeometry& b) {
    QCOMPARE(a.size, b.size);
    for (int n = 0; n < 3; ++n) {
        QVERIFY2(std::abs(a.spacing[n] - b.spacing[n]) < 1e-5, "spacing differs");
        QVERIFY2(std::abs(a.origin[n] - b.origin[n]) < 1e-4, "origin differs");
    }
    for (int n = 0; n < 9; ++n) {
        QVERIFY2(std::abs(a.direction[n] - b.direction[n]) < 1e-5, "direction differs");
    }
}

std::string expectReadError(const std::string& path, bool labels = false) {
    try {
        if (labels) {
            readLabelMap(path);
        } else {
            readImage(path);
        }
    } catch (const ImageReadError& error) {
        return error.what();
    }
    return "no error";
}

// A minimal NIfTI-1 file (uncompressed) with the given dims, int16 voxels, all of them present.
void writeRawNifti(const std::string& path, std::vector<short> dims) {
    size_t voxels = 1;
    for (const short d : dims) {
        voxels *= static_cast<size_t>(d);
    }
    writeHandWrittenNifti(path, dims, voxels * sizeof(short));
}

}  // namespace

class TestIo : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void roundTripKeepsVoxelsAndGeometry_data() {
        QTest::addColumn<QString>("extension");
        QTest::addColumn<int>("grid");
        const char* extensions[] = {".nii.gz", ".nii", ".nrrd", ".mha"};
        const char* grids[] = {"axial", "flipped", "oblique"};
        for (const char* extension : extensions) {
            for (int grid = 0; grid < 3; ++grid) {
                QTest::newRow((std::string(grids[grid]) + extension).c_str())
                    << QString(extension) << grid;
            }
        }
    }
    void roundTripKeepsVoxelsAndGeometry() {
        QFETCH(QString, extension);
        QFETCH(int, grid);
        const Mat3 directions[] = {
            {1, 0, 0, 0, 1, 0, 0, 0, 1}, {-1, 0, 0, 0, -1, 0, 0, 0, 1}, rotation(0.5, 0.2)};
        QTemporaryDir dir;
        const ImageGeometry geometry = geometryWith(directions[grid]);
        for (const bool whole : {false, true}) {
            const ImageVolume image = rampImage(geometry, whole);
            const std::string path = dir.filePath("image").toStdString() +
                                     (whole ? "_int" : "_float") + extension.toStdString();
            writeImage(image, path);
            const ImageVolume back = readImage(path);
            compareGeometry(back.geometry(), geometry);
            QVERIFY(back.voxels() == image.voxels());
            compareGeometry(readImageGeometry(path), geometry);
            QCOMPARE(readPixelType(path), std::string(whole ? "int16" : "float"));
        }
        // Nothing but the final files remain: the temporary names were renamed away.
        for (const auto& entry : std::filesystem::directory_iterator(dir.path().toStdString())) {
            QVERIFY2(entry.path().filename().string().rfind(".tmp", 0) != 0, entry.path().c_str());
        }
    }

    void labelMapsAreStoredCompactly() {
        QTemporaryDir dir;
        LabelVolume small(geometryWith(rotation(0.3, 0.0)), 0);
        small.at(1, 2, 3) = 13;
        small.at(6, 4, 0) = 255;
        const std::string smallPath = dir.filePath("small.nii.gz").toStdString();
        writeLabelMap(small, smallPath);
        QCOMPARE(readPixelType(smallPath), std::string("uint8"));
        QVERIFY(readLabelMap(smallPath).voxels() == small.voxels());

        LabelVolume large = small;
        large.at(0, 0, 0) = 300;
        const std::string largePath = dir.filePath("large.nii.gz").toStdString();
        writeLabelMap(large, largePath);
        QCOMPARE(readPixelType(largePath), std::string("uint16"));
        const LabelVolume back = readLabelMap(largePath);
        QVERIFY(back.voxels() == large.voxels());
        compareGeometry(back.geometry(), large.geometry());
    }

    void truncatedGzipIsNamed() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("cut.nii.gz").toStdString();
        writeImage(rampImage(geometryWith({1, 0, 0, 0, 1, 0, 0, 0, 1}), false), path);
        std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
        const std::string message = expectReadError(path);
        QVERIFY2(message == path + ": truncated or corrupted gzip data", message.c_str());

        // Corrupt bytes in the middle of the compressed stream.
        const std::string corrupt = dir.filePath("corrupt.nii.gz").toStdString();
        writeImage(rampImage(geometryWith({1, 0, 0, 0, 1, 0, 0, 0, 1}), false), corrupt);
        {
            std::fstream file(corrupt, std::ios::in | std::ios::out | std::ios::binary);
            const auto size = static_cast<std::streamoff>(std::filesystem::file_size(corrupt));
            file.seekp(size / 2);
            const std::string garbage(64, '\xA5');
            file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        }
        const std::string corruptMessage = expectReadError(corrupt);
        QVERIFY2(corruptMessage.rfind(corrupt + ":", 0) == 0, corruptMessage.c_str());
    }

    void nonImageFileIsNamed() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("notes.txt").toStdString();
        std::ofstream(path) << "this is not a scan\n";
        const std::string message = expectReadError(path);
        QVERIFY2(message.rfind(path + ": not an image file", 0) == 0, message.c_str());
        const std::string missing = dir.filePath("absent.nii.gz").toStdString();
        QCOMPARE(expectReadError(missing), missing + ": no such file or folder");
    }

    void twoDimensionalImagesAreRefused() {
        QTemporaryDir dir;
        const std::string png = dir.filePath("z.png").toStdString();
        std::ofstream(png, std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QCOMPARE(expectReadError(png), png + ": 2D image (PNG); a 3D scan is needed");

        const std::string flat = dir.filePath("flat.nii").toStdString();
        writeRawNifti(flat, {6, 5});
        const std::string message = expectReadError(flat);
        QVERIFY2(message == flat + ": 2D image (6x5); a 3D scan is needed", message.c_str());
    }

    void fourDimensionalImagesNameTheVolumeCount() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("y.nii").toStdString();
        writeRawNifti(path, {4, 4, 4, 3});
        const std::string message = expectReadError(path);
        QVERIFY2(message == path + ": 4D image with 3 volumes; only 3D scans can be imported",
                 message.c_str());
        // A 4D file with a single volume is a 3D scan.
        const std::string single = dir.filePath("single.nii").toStdString();
        writeRawNifti(single, {4, 4, 4, 1});
        QCOMPARE(readImage(single).size(), (Size3{4, 4, 4}));
    }

    void labelMapsMustHoldWholeNumbers() {
        QTemporaryDir dir;
        ImageVolume fractional(geometryWith({1, 0, 0, 0, 1, 0, 0, 0, 1}), 1.0f);
        fractional.at(2, 2, 2) = 1.5f;
        const std::string path = dir.filePath("soft.nii.gz").toStdString();
        writeImage(fractional, path);
        const std::string message = expectReadError(path, true);
        QVERIFY2(message.find("voxel value 1.5 is not a label") != std::string::npos,
                 message.c_str());
    }

    void writingToAMissingFolderIsNamed() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("absent/out.nii.gz").toStdString();
        try {
            writeLabelMap(LabelVolume(geometryWith({1, 0, 0, 0, 1, 0, 0, 0, 1}), 1), path);
            QFAIL("no error");
        } catch (const ImageWriteError& error) {
            const std::string message = error.what();
            QVERIFY2(message.rfind(path + ": cannot be written: folder ", 0) == 0 &&
                         message.find("does not exist") != std::string::npos,
                     message.c_str());
        }
    }

    void stemsMatchImagesToLabels() {
        QCOMPARE(imageStem("/data/case_001.nii.gz"), std::string("case_001"));
        QCOMPARE(imageStem("scan.v2.NRRD"), std::string("scan.v2"));
        QCOMPARE(imageStem("a.mha"), std::string("a"));
        QVERIFY(hasImageExtension("x.NII.GZ"));
        QVERIFY(!hasImageExtension("notes.txt"));
    }
};

QTEST_GUILESS_MAIN(TestIo)
#include "test_io.moc"
