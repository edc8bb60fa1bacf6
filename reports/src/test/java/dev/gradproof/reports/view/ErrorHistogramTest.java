package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bins of half a decade from 1e-16, a bin for exact agreement and one for NaN and infinity. */
class ErrorHistogramTest {

    @Test
    void exactAgreementAndNonFiniteErrorsHaveBinsOfTheirOwn() {
        assertThat(ErrorHistogram.bin(0)).isZero();
        assertThat(ErrorHistogram.bin(Double.NaN)).isEqualTo(ErrorHistogram.BINS - 1);
        assertThat(ErrorHistogram.bin(Double.POSITIVE_INFINITY)).isEqualTo(ErrorHistogram.BINS - 1);
        assertThat(ErrorHistogram.BINS).isEqualTo(35);
    }

    @Test
    void binsAreHalfDecadesFrom1eMinus16() {
        assertThat(ErrorHistogram.bin(1e-20)).isEqualTo(1);
        assertThat(ErrorHistogram.bin(1e-16)).isEqualTo(1);
        assertThat(ErrorHistogram.bin(3e-16)).isEqualTo(1);
        assertThat(ErrorHistogram.bin(4e-16)).isEqualTo(2);
        assertThat(ErrorHistogram.bin(1e-7)).isEqualTo(19);
        assertThat(ErrorHistogram.bin(0.9e-7)).isEqualTo(18);
        assertThat(ErrorHistogram.bin(1)).isEqualTo(33);
        // |a - n| / max(|a|, |n|) is at most 2 (opposite signs): still the last bin of the scale.
        assertThat(ErrorHistogram.bin(2)).isEqualTo(33);
    }

    @Test
    void countsAreKeptPerVerdictAndTotalled() {
        ErrorHistogram h = new ErrorHistogram();
        h.add(1e-10, Verdict.PASS);
        h.add(1.5e-10, Verdict.PASS);
        h.add(0.5, Verdict.FAIL);
        h.add(0.5, Verdict.KINK);
        h.add(0, Verdict.PASS);
        h.add(Double.NaN, Verdict.FAIL);

        assertThat(h.count(ErrorHistogram.bin(1e-10), Verdict.PASS)).isEqualTo(2);
        assertThat(h.count(ErrorHistogram.bin(0.5), Verdict.FAIL)).isEqualTo(1);
        assertThat(h.count(ErrorHistogram.bin(0.5), Verdict.KINK)).isEqualTo(1);
        Histogram layout = h.layout();
        assertThat(layout.total()).isEqualTo(6);
        assertThat(layout.passed()).isEqualTo(3);
        assertThat(layout.failed()).isEqualTo(2);
        assertThat(layout.kinks()).isEqualTo(1);
        assertThat(layout.zeros()).isEqualTo(1);
        assertThat(layout.nonFinite()).isEqualTo(1);
        // one rectangle per non-empty bin and verdict
        assertThat(layout.bars()).hasSize(5);
        assertThat(layout.bars()).extracting(Histogram.Rect::title)
                .contains("1.0e-10 to 3.2e-10: 2 PASS", "exactly 0: 1 PASS", "NaN or infinite: 1 FAIL");
    }

    @Test
    void stackedBarsPutPassUnderKinkUnderFail() {
        ErrorHistogram h = new ErrorHistogram();
        h.add(0.5, Verdict.FAIL);
        h.add(0.5, Verdict.KINK);
        h.add(0.5, Verdict.PASS);
        h.add(0.5, Verdict.PASS);

        Histogram layout = h.layout();

        assertThat(layout.bars()).extracting(Histogram.Rect::fill)
                .containsExactly(Palette.PASS, Palette.KINK, Palette.FAIL);
        Histogram.Rect pass = layout.bars().get(0);
        Histogram.Rect kink = layout.bars().get(1);
        Histogram.Rect fail = layout.bars().get(2);
        assertThat(pass.y() + pass.h()).isEqualTo(layout.plotBottom());
        assertThat(kink.y() + kink.h()).isEqualTo(pass.y());
        assertThat(fail.y() + fail.h()).isEqualTo(kink.y());
        // the highest bar (4) fills a nice scale of 5: 4/5 of the plot's height
        assertThat(pass.h() + kink.h() + fail.h()).isEqualTo((layout.plotBottom() - layout.plotTop()) * 4 / 5);
        assertThat(layout.yTicks()).extracting(Histogram.Tick::label).containsExactly("0", "1", "2", "3", "4", "5");
    }

    @Test
    void theNotesBandsAreMarked() {
        Histogram layout = new ErrorHistogram().layout();

        assertThat(layout.bandLines()).extracting(Histogram.Tick::label).containsExactly("1e-7", "1e-4", "1e-2");
        assertThat(layout.zones()).extracting(Histogram.Rect::title).containsExactly("at most 1e-7: happy",
                "1e-7 to 1e-4: fine with kinks, suspicious without", "1e-4 to 1e-2: uncomfortable",
                "above 1e-2: probably wrong");
        // the band lines sit where the zones meet
        for (int i = 0; i < 3; i++) {
            Histogram.Rect zone = layout.zones().get(i + 1);
            assertThat(layout.bandLines().get(i).at()).isCloseTo(zone.x(), org.assertj.core.data.Offset.offset(0.11));
        }
    }

    @Test
    void theScaleIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ErrorHistogram.niceCeiling(1)).isEqualTo(1);
        assertThat(ErrorHistogram.niceCeiling(3)).isEqualTo(5);
        assertThat(ErrorHistogram.niceCeiling(7)).isEqualTo(10);
        assertThat(ErrorHistogram.niceCeiling(10)).isEqualTo(10);
        assertThat(ErrorHistogram.niceCeiling(11)).isEqualTo(20);
        assertThat(ErrorHistogram.niceCeiling(21618)).isEqualTo(50000);
    }
}
