#include "hlc.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>

using namespace attache;

/// The hybrid logical clock: monotonic when the wall clock jumps back (time zones, network time).
class TestHlc : public QObject
{
    Q_OBJECT
private slots:
    void monotonicWhenClockJumpsBack()
    {
        std::int64_t wall = 1'767'225'600'000; // 2026-01-01
        HlcClock clock("aa11", [&] { return wall; });
        const Hlc a = clock.now();
        wall -= 7 * 3600 * 1000; // flew from Tokyo back to a clock seven hours behind
        const Hlc b = clock.now();
        const Hlc c = clock.now();
        QVERIFY(a < b);
        QVERIFY(b < c);
        QCOMPARE(b.wallMs, a.wallMs);
        QCOMPARE(b.counter, a.counter + 1);
        QVERIFY(a.toString() < b.toString());
        QVERIFY(b.toString() < c.toString());
        wall += 8 * 3600 * 1000; // clock catches up: counter resets
        const Hlc d = clock.now();
        QCOMPARE(d.wallMs, wall);
        QCOMPARE(d.counter, 0u);
        QVERIFY(c < d);
    }

    void sameMillisecondBumpsCounter()
    {
        HlcClock clock("aa11", [] { return std::int64_t(1000); });
        Hlc prev = clock.now();
        for (int i = 0; i < 70000; ++i) { // past the 16-bit counter: borrows the next ms
            const Hlc next = clock.now();
            QVERIFY(prev < next);
            QVERIFY(prev.toString() < next.toString());
            prev = next;
        }
        QVERIFY(prev.wallMs > 1000);
    }

    void observeRemoteOrdersLaterEventsAfterIt()
    {
        std::int64_t wall = 1'000'000;
        HlcClock clock("aa11", [&] { return wall; });
        Hlc remote {wall + 60'000, 5, "bb22"}; // another phone's clock runs a minute ahead
        QVERIFY(clock.observe(remote).ok());
        const Hlc local = clock.now();
        QVERIFY(remote < local);
        QVERIFY(remote.toString() < local.toString());
    }

    void observeRefusesStampsFarInTheFuture()
    {
        std::int64_t wall = 1'000'000;
        HlcClock clock("aa11", [&] { return wall; });
        const Hlc before = clock.now();
        const auto r = clock.observe(Hlc {wall + HlcClock::kMaxDriftMs + 1, 0, "bb22"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("clock_skew"));
        QVERIFY(clock.now().wallMs == before.wallMs); // not poisoned
    }

    void restorePersistedStamp()
    {
        std::int64_t wall = 5'000;
        HlcClock clock("aa11", [&] { return wall; });
        clock.restore(Hlc {9'000, 3, "aa11"}); // restarted with the clock behind the last stamp
        const Hlc h = clock.now();
        QCOMPARE(h.wallMs, std::int64_t(9'000));
        QCOMPARE(h.counter, 4u);
    }

    void textRoundTrip()
    {
        const Hlc h {1'767'225'600'123, 42, "0123456789abcdef"};
        const auto parsed = Hlc::parse(h.toString());
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, h);
        QCOMPARE(h.toString(), std::string("0000019b76daa87b-002a-0123456789abcdef"));
        QVERIFY(!Hlc::parse("").has_value());
        QVERIFY(!Hlc::parse("0000019b76daa87b-002a").has_value());
        QVERIFY(!Hlc::parse("0000019B76DAA87B-002a-node").has_value());
        QVERIFY(!Hlc::parse("0000019b76daa87b-002a-no de").has_value());
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
