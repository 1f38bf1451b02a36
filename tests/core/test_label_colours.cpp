#include <QtTest>

#include <array>
#include <cmath>

#include "labels/LabelPalette.h"
#include "labels/LabelSet.h"

using namespace logonet;

namespace {

struct Lab {
    double l;
    double a;
    double b;
};

double radians(double degrees) {
    return degrees * M_PI / 180.0;
}

// sRGB (D65) to CIELAB.
Lab labOf(const std::array<unsigned char, 3>& rgb) {
    auto linear = [](unsigned char value) {
        const double u = value / 255.0;
        return u <= 0.04045 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4);
    };
    const double r = linear(rgb[0]);
    const double g = linear(rgb[1]);
    const double b = linear(rgb[2]);
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    auto f = [](double t) {
        const double delta = 6.0 / 29.0;
        return t > delta * delta * delta ? std::cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

// CIEDE2000 as Sharma, Wu and Dalal (2005) write it out.
double ciede2000(const Lab& p, const Lab& q) {
    const double c1 = std::hypot(p.a, p.b);
    const double c2 = std::hypot(q.a, q.b);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * p.a;
    const double a2 = (1 + g) * q.a;
    const double c1p = std::hypot(a1, p.b);
    const double c2p = std::hypot(a2, q.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0) {
            return 0.0;
        }
        const double h = std::atan2(b, a) * 180.0 / M_PI;
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(p.b, a1);
    const double h2 = hue(q.b, a2);
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2 - h1;
        dh += dh > 180 ? -360 : (dh < -180 ? 360 : 0);
    }
    const double dL = q.l - p.l;
    const double dC = c2p - c1p;
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));
    const double lMean = (p.l + q.l) / 2;
    const double cMean = (c1p + c2p) / 2;
    double hMean = h1 + h2;
    if (c1p * c2p != 0) {
        hMean = std::abs(h1 - h2) <= 180 ? (h1 + h2) / 2
                : h1 + h2 < 360          ? (h1 + h2 + 360) / 2
                                         : (h1 + h2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) +
                     0.24 * std::cos(radians(2 * hMean)) + 0.32 * std::cos(radians(3 * hMean + 6)) -
                     0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cMeanP7 = std::pow(cMean, 7);
    const double rc = 2 * std::sqrt(cMeanP7 / (cMeanP7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lMean - 50, 2) / std::sqrt(20 + std::pow(lMean - 50, 2));
    const double sc = 1 + 0.045 * cMean;
    const double sh = 1 + 0.015 * cMean * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) +
                     rt * (dC / sc) * (dH / sh));
}

}  // namespace

// Built-in label colours a user can tell apart on a slice: every two at least 20 apart in
// CIEDE2000 (about the difference between clearly different hues; 2-3 is "just noticeable").
class TestLabelColours : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // The oracle itself, on pairs from Sharma, Wu and Dalal's published test data.
    void ciede2000MatchesPublishedPairs() {
        QVERIFY(std::abs(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) - 2.0425) < 1e-4);
        QVERIFY(std::abs(ciede2000({50, 2.5, 0}, {73, 25, -18}) - 27.1492) < 1e-4);
        QVERIFY(std::abs(ciede2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}) -
                         1.2644) < 1e-4);
        QVERIFY(std::abs(ciede2000({2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}) -
                         0.9082) < 1e-4);
    }

    void btcvColoursArePairwiseDistinct() {
        const LabelSet set = LabelSet::btcv();
        QCOMPARE(set.size(), size_t{13});
        checkPairwiseDistinct(set);
    }

    // The colours given to a dataset.json's labels (which come without colours).
    void paletteColoursArePairwiseDistinct() {
        std::vector<std::pair<LabelValue, std::string>> names;
        for (size_t n = 0; n < kPaletteSize; ++n) {
            names.emplace_back(static_cast<LabelValue>(n + 1), "label " + std::to_string(n + 1));
        }
        const LabelSet set = paletteLabelSet(names);
        QCOMPARE(set.size(), kPaletteSize);
        checkPairwiseDistinct(set);
    }

  private:
    static void checkPairwiseDistinct(const LabelSet& set) {
        double closest = 1e9;
        QString closestPair;
        for (size_t i = 0; i < set.size(); ++i) {
            for (size_t j = i + 1; j < set.size(); ++j) {
                const auto& a = set.entries()[i];
                const auto& b = set.entries()[j];
                const double distance = ciede2000(labOf(a.colour), labOf(b.colour));
                if (distance < closest) {
                    closest = distance;
                    closestPair = QString::fromStdString(a.name + " / " + b.name);
                }
            }
        }
        QVERIFY2(closest >= 20.0,
                 qPrintable(QString("%1: CIEDE2000 %2").arg(closestPair).arg(closest)));
    }
};

QTEST_GUILESS_MAIN(TestLabelColours)
#include "test_label_colours.moc"
