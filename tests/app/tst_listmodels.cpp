// RecordListModel, MissionModel and SearchModel over a real store on the worker thread.
#include "appfixture.h"
#include "choicefilter.h"
#include "countrynames.h"
#include "hlc.h"
#include "iso.h"
#include "missionmodel.h"
#include "recordlistmodel.h"
#include "searchmodel.h"
#include "setasidemodel.h"
#include "store.h"
#include "texts.h"
#include "uuid.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

class TestListModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void missionsNewestFirstAndFiltered()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        MissionModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreferences(&f.prefs);
        model.setBackend(f.backend.get());
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 3);
        // Newest first: Laos (December) before Korea (May) before Japan (March).
        QCOMPARE(model.data(model.index(0), MissionModel::TitleRole).toString(),
            QStringLiteral("Hội chợ thương mại Việt - Lào tại Champasak"));
        QCOMPARE(model.data(model.index(2), MissionModel::PeriodRole).toString(),
            QStringLiteral("9 Mar 2026 – 15 Mar 2026"));
        f.prefs.setLanguage(QStringLiteral("vi"));
        QCOMPARE(model.data(model.index(2), MissionModel::PeriodRole).toString(),
            QStringLiteral("09/03/2026 – 15/03/2026"));
        QCOMPARE(model.data(model.index(2), MissionModel::CountriesRole).toString(),
            QStringLiteral("Nhật Bản"));
        model.setCountry(QStringLiteral("KR"));
        QCOMPARE(model.rowCount(), 1);
        model.setCountry({});
        model.setStatus(QStringLiteral("planned"));
        QCOMPARE(model.rowCount(), 1);
        model.setStatus({});
        model.setYear(2025);
        QCOMPARE(model.rowCount(), 0);
        model.setYear(2026);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.yearOptions().size(), 2); // "all years" and 2026

        // A period that a merge of two devices' edits left ending before it starts says so.
        QCOMPARE(f.prefs.formatPeriod(QStringLiteral("2026-10-16"), QStringLiteral("2026-10-12")),
            QStringLiteral("16/10/2026 – 12/10/2026 (kết thúc trước khi bắt đầu: hãy kiểm tra "
                           "lại ngày)"));
        f.prefs.setLanguage(QStringLiteral("en"));
        QCOMPARE(f.prefs.formatPeriod(QStringLiteral("2026-10-16"), QStringLiteral("2026-10-12")),
            QStringLiteral("16 Oct 2026 – 12 Oct 2026 (ends before it starts: check the dates)"));
        QCOMPARE(f.prefs.formatPeriod(QStringLiteral("2026-10-12"), QStringLiteral("2026-10-16")),
            QStringLiteral("12 Oct 2026 – 16 Oct 2026"));
    }

    void pagesAndRefreshesOnWrite()
    {
        AppFixture f(false);
        QVERIFY(f.waitReady());
        // 120 contacts, listed 50 at a time.
        QSignalSpy created(f.backend.get(), &Backend::changed);
        bool done = false;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) -> attache::Result<int> {
                for (int i = 0; i < 120; ++i) {
                    auto r = s.create(
                        "contact", {{"full_name", "Contact " + std::to_string(1000 + i)}});
                    if (!r)
                        return r.error();
                }
                return 120;
            },
            [&](const attache::Result<int> &r) { done = r.ok(); });
        QTRY_VERIFY(done);

        RecordListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreferences(&f.prefs);
        model.setKind(QStringLiteral("contact"));
        model.setBackend(f.backend.get());
        QTRY_COMPARE(model.rowCount(), 50);
        QCOMPARE(model.totalCount(), 120);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 100);
        QTRY_VERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));

        // Deleting one refreshes the list in place; undo brings it back.
        const QString first = model.idAt(0);
        QSignalSpy removed(f.backend.get(), &Backend::removed);
        f.backend->remove(QStringLiteral("contact"), first);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(2).toString(), QStringLiteral("Contact 1000"));
        QTRY_COMPARE(model.totalCount(), 119);
        QVERIFY(model.idAt(0) != first);
        QSignalSpy restored(f.backend.get(), &Backend::restored);
        f.backend->restore(QStringLiteral("contact"), first);
        QTRY_COMPARE(restored.count(), 1);
        QTRY_COMPARE(model.totalCount(), 120);
        QTRY_COMPARE(model.idAt(0), first);
        QTRY_VERIFY(f.backend->pendingCount() >= 120);
    }

    void subtitlesFollowTheLanguage()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        RecordListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.prefs.setLanguage(QStringLiteral("vi"));
        model.setPreferences(&f.prefs);
        model.setKind(QStringLiteral("lead"));
        model.setBackend(f.backend.get());
        QTRY_VERIFY(model.rowCount() > 0);
        QStringList subtitles;
        for (int i = 0; i < model.rowCount(); ++i)
            subtitles << model.data(model.index(i), RecordListModel::SubtitleRole).toString();
        // Vietnamese groups thousands with dots.
        QVERIFY2(subtitles.join(QLatin1Char('|')).contains(QStringLiteral(".000.000 USD")),
            qPrintable(subtitles.join(QLatin1Char('|'))));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        f.prefs.setLanguage(QStringLiteral("en"));
        QCOMPARE(changed.count(), 1);
        const auto english = model.data(model.index(0), RecordListModel::SubtitleRole).toString();
        QVERIFY2(!english.contains(QStringLiteral(".000.000")), qPrintable(english));
    }

    void searchIsAccentInsensitiveAndDropsStaleAnswers()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        SearchModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackend(f.backend.get());
        model.setDelay(0);
        // Typed quickly: only the last query's answer is shown.
        model.setQuery(QStringLiteral("nhat ban"));
        model.setQuery(QStringLiteral("champasak"));
        QTRY_VERIFY(model.rowCount() > 0 && !model.searching());
        for (int i = 0; i < model.rowCount(); ++i) {
            const auto title = model.data(model.index(i), SearchModel::TitleRole).toString();
            QVERIFY2(!title.contains(QStringLiteral("Nhật Bản")), qPrintable(title));
        }
        QCOMPARE(model.data(model.index(0), SearchModel::TitleRole).toString(),
            QStringLiteral("Hội chợ thương mại Việt - Lào tại Champasak"));
        model.setQuery(QStringLiteral("xuc tien dau tu tai nhat ban"));
        QTRY_VERIFY(model.rowCount() > 0 && !model.searching());
        QStringList titles;
        for (int i = 0; i < model.rowCount(); ++i)
            titles << model.data(model.index(i), SearchModel::TitleRole).toString();
        QVERIFY2(titles.contains(QStringLiteral("Xúc tiến đầu tư tại Nhật Bản")),
            qPrintable(titles.join(QLatin1Char('|'))));
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 0);
    }

    // Meetings newest first by date and time; follow-ups by due date, undated last.
    void meetingsAndFollowUpsByDate()
    {
        AppFixture f(false);
        QVERIFY(f.waitReady());
        QString mission;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) -> attache::Result<std::string> {
                auto org = s.create("organisation", {{"name", "Sở Ngoại vụ"}});
                if (!org)
                    return org.error();
                auto m = s.create("mission",
                    {{"organisation_id", org->id}, {"title", "Hàn Quốc"},
                        {"start_date", "2026-05-01"}, {"end_date", "2026-05-09"}});
                if (!m)
                    return m.error();
                const char *meetings[][2] = {{"B. KOTRA", "2026-05-03T09:00+09:00"},
                    {"A. Busan", "2026-05-05T14:30+09:00"},
                    {"C. Incheon", "2026-05-05T08:00+09:00"}};
                for (const auto &mt : meetings) {
                    if (auto r = s.create("meeting",
                            {{"mission_id", m->id}, {"counterpart", mt[0]}, {"starts_at", mt[1]}});
                        !r)
                        return r.error();
                }
                const char *followups[][2]
                    = {{"A. undated", ""}, {"B. late", "2026-07-01"}, {"C. soon", "2026-06-01"}};
                for (const auto &fu : followups) {
                    nlohmann::json fields {{"mission_id", m->id}, {"title", fu[0]}};
                    if (*fu[1])
                        fields["due_date"] = fu[1];
                    if (auto r = s.create("followup", fields); !r)
                        return r.error();
                }
                return m->id;
            },
            [&](const attache::Result<std::string> &r) {
                if (r)
                    mission = QString::fromStdString(*r);
            });
        QTRY_VERIFY(!mission.isEmpty());

        auto titlesOf = [](RecordListModel &m) {
            QStringList out;
            for (int i = 0; i < m.rowCount(); ++i)
                out << m.index(i).data(RecordListModel::TitleRole).toString();
            return out;
        };
        RecordListModel meetings;
        QAbstractItemModelTester tester(
            &meetings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        meetings.setKind(QStringLiteral("meeting"));
        meetings.setMissionId(mission);
        meetings.setBackend(f.backend.get());
        QTRY_COMPARE(titlesOf(meetings),
            (QStringList {QStringLiteral("A. Busan"), QStringLiteral("C. Incheon"),
                QStringLiteral("B. KOTRA")}));
        QVERIFY(!meetings.canFetchMore({}));

        RecordListModel followups;
        followups.setKind(QStringLiteral("followup"));
        followups.setMissionId(mission);
        followups.setBackend(f.backend.get());
        QTRY_COMPARE(titlesOf(followups),
            (QStringList {QStringLiteral("C. soon"), QStringLiteral("B. late"),
                QStringLiteral("A. undated")}));
    }

    // The contact pickers: accent-insensitive, every word must match, chosen ones left out.
    void choiceFilterFindsWithoutAccents()
    {
        ChoiceFilter filter;
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto opt = [](const char *value, const char *label) {
            return QVariantMap {{QStringLiteral("value"), QString::fromUtf8(value)},
                {QStringLiteral("label"), QString::fromUtf8(label)}};
        };
        filter.setOptions({opt("", "—"), opt("a", "Nguyễn Văn An"), opt("b", "Trần Thị Bích"),
            opt("c", "Nguyen Thi Cuc"), opt("d", "Sato Kenji")});
        QCOMPARE(filter.rowCount(), 4); // the "none" entry is not a choice
        filter.setQuery(QStringLiteral("nguyen"));
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.valueAt(0), QStringLiteral("a"));
        filter.setQuery(QStringLiteral("nguyen cuc"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0).data(ChoiceFilter::LabelRole).toString(),
            QStringLiteral("Nguyen Thi Cuc"));
        filter.setQuery(QStringLiteral("TRAN bich"));
        QCOMPARE(filter.valueAt(0), QStringLiteral("b"));
        filter.setQuery({});
        filter.setExclude({QStringLiteral("a"), QStringLiteral("d")});
        QCOMPARE(filter.rowCount(), 2);
        filter.setLimit(1);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.labelOf(QStringLiteral("d")), QStringLiteral("Sato Kenji"));
        QCOMPARE(filter.valueAt(5), QString());
    }

    // Every country core accepts has a name of its own in Vietnamese and in English (one list
    // with the documents, core/countrynames.h), and the common ones read as in Vietnamese
    // administrative reports, in the language of the installed translation.
    void countriesHaveVietnameseNames()
    {
        int countries = 0;
        for (char a = 'A'; a <= 'Z'; ++a) {
            for (char b = 'A'; b <= 'Z'; ++b) {
                const char code[3] = {a, b, 0};
                if (!attache::isCountryCode(code))
                    continue;
                ++countries;
                const attache::CountryNames *names = attache::findCountry(code);
                QVERIFY2(names, code);
                QVERIFY2(!names->english.empty() && !names->vietnamese.empty(), code);
            }
        }
        QVERIFY(countries >= 249);

        Preferences prefs(nullptr, nullptr, true);
        prefs.setLanguage(QStringLiteral("vi"));
        const std::pair<const char *, const char *> names[]
            = {{"KR", "Hàn Quốc"}, {"JP", "Nhật Bản"}, {"US", "Hoa Kỳ"}, {"LA", "Lào"},
                {"DE", "Cộng hòa Liên bang Đức"}, {"CZ", "Cộng hòa Séc"}, {"CN", "Trung Quốc"},
                {"TW", "Đài Loan (Trung Quốc)"}, {"AU", "Australia"}, {"GB", "Vương quốc Anh"},
                {"KH", "Campuchia"}, {"TH", "Thái Lan"}, {"VN", "Việt Nam"}};
        for (const auto &[code, name] : names)
            QCOMPARE(Texts::countryName(QString::fromLatin1(code)), QString::fromUtf8(name));
        prefs.setLanguage(QStringLiteral("en"));
        QCOMPARE(Texts::countryName(QStringLiteral("DE")), QStringLiteral("Germany"));
    }

    // Values that lost a conflict, set aside when their record left the device: the entry is
    // named after the record (from its other set-aside entry), never by a bare id.
    void setAsideLostEditIsNamed()
    {
        AppFixture f(false);
        QVERIFY(f.waitReady());
        bool done = false;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) -> attache::Result<void> {
                const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
                auto stamp = [](std::int64_t ms) {
                    return attache::Hlc {ms, 0, "0000000000000abc"}.toString();
                };
                auto remote
                    = [](const std::string &id,
                          std::vector<std::pair<std::string, attache::Store::RemoteField>> fields) {
                          attache::Store::RemoteChange c;
                          c.kind = attache::findKind("contact");
                          c.id = id;
                          c.fields = std::move(fields);
                          c.updatedDevice = "0000000000000abc";
                          return c;
                      };
                const std::string mission = attache::makeUuidV7(now);
                const std::string named = attache::makeUuidV7(now + 1);
                const std::string bare = attache::makeUuidV7(now + 2);
                for (const auto &id : {named, bare}) {
                    auto r = s.applyRemote({remote(id,
                        {{"full_name",
                             {id == named ? "Lý Văn Ba" : "Trần Thị Tư", stamp(now - 9000)}},
                            {"mission_id", {mission, stamp(now - 9000)}},
                            {"title", {"Cũ", stamp(now - 9000)}}})});
                    if (!r)
                        return r.error();
                    // Typed here, then a colleague's newer value wins: a lost edit to report.
                    if (auto u = s.update("contact", id, {{"title", "Của tôi"}}); !u)
                        return u.error();
                    // (Later for the second: the store's clock moved past the first one's.)
                    const std::int64_t theirs = now + (id == named ? 5000 : 500000);
                    r = s.applyRemote({remote(id, {{"title", {"Của họ", stamp(theirs)}}})});
                    if (!r)
                        return r.error();
                }
                // The first one has another unsent edit: set aside whole, with its name.
                if (auto u = s.update("contact", named, {{"notes", "chưa gửi"}}); !u)
                    return u.error();
                auto dropped = s.dropMissions({mission});
                if (!dropped)
                    return dropped.error();
                return {};
            },
            [&](attache::Result<void> r) {
                QVERIFY2(r, r ? "" : r.error().message.c_str());
                done = true;
            });
        QTRY_VERIFY(done);
        SetAsideModel model;
        model.setPreferences(&f.prefs);
        model.setBackend(f.backend.get());
        QTRY_VERIFY(!model.loading());
        QStringList lost;
        for (int i = 0; i < model.rowCount(); ++i) {
            const QModelIndex row = model.index(i);
            const QString title = row.data(SetAsideModel::TitleRole).toString();
            QVERIFY2(!title.contains(QLatin1Char('-')), qPrintable(title)); // no UUID
            if (row.data(SetAsideModel::ReasonRole).toString()
                == QLatin1String("lost_edit_not_reported")) {
                lost << title;
                QVERIFY(row.data(SetAsideModel::TextRole)
                            .toString()
                            .contains(QStringLiteral("Của tôi")));
            }
        }
        lost.sort();
        QCOMPARE(lost,
            QStringList({QStringLiteral("(its name is no longer on this device)"),
                QStringLiteral("Lý Văn Ba")}));
    }

    // Why an edit was set aside, and what to do, for every reason the store gives (and one it
    // may give one day), in both languages.
    void setAsideReasonsInPlainWords()
    {
        Preferences prefs(nullptr, nullptr, true);
        prefs.setLanguage(QStringLiteral("en"));
        const QString codes[]
            = {QStringLiteral("removed_from_mission"), QStringLiteral("moved_out_of_scope"),
                QStringLiteral("lost_edit_not_reported"), QStringLiteral("some_future_reason")};
        QStringList seen;
        for (const auto &code : codes) {
            const QString why = SetAsideModel::reasonText(code);
            const QString what = SetAsideModel::advice(code);
            QVERIFY(!why.isEmpty() && !what.isEmpty());
            QVERIFY2(!why.contains(code) && !why.contains(QLatin1Char('_')), qPrintable(why));
            QVERIFY2(what.startsWith(QLatin1String("Copy")), qPrintable(what));
            seen << why;
        }
        seen.removeDuplicates();
        QCOMPARE(seen.size(), 4);
        QVERIFY(SetAsideModel::reasonText(codes[0]).startsWith(
            QLatin1String("You were removed from this mission")));
        QVERIFY(SetAsideModel::reasonText(codes[1]).contains(
            QLatin1String("moved to a mission you are not a member of")));
        QVERIFY(SetAsideModel::reasonText(codes[2]).contains(QLatin1String("same time")));

        prefs.setLanguage(QStringLiteral("vi"));
        for (const auto &code : codes) {
            QVERIFY2(SetAsideModel::reasonText(code) != QString(), qPrintable(code));
            prefs.setLanguage(QStringLiteral("en"));
            const QString english = SetAsideModel::advice(code);
            prefs.setLanguage(QStringLiteral("vi"));
            QVERIFY2(SetAsideModel::advice(code) != english, qPrintable(code));
        }
        QVERIFY(SetAsideModel::reasonText(codes[0]).startsWith(
            QStringLiteral("Anh/chị không còn là thành viên của đoàn này")));
        prefs.setLanguage(QStringLiteral("en"));
    }

    // Removed from a mission with unsent edits: the edits are set aside, listed as plain text,
    // copied, and dismissed for good.
    void setAsideEditsListedCopiedDismissed()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        SetAsideModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreferences(&f.prefs);
        model.setBackend(f.backend.get());
        QTRY_VERIFY(!model.loading());
        QCOMPARE(model.count(), 0);

        // The demo's records are unsent local edits; the sync engine drops a mission the user
        // left exactly like this.
        std::int64_t setAside = -1;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) -> attache::Result<std::int64_t> {
                auto missions = s.list("mission");
                if (!missions)
                    return missions.error();
                std::string japan;
                for (const auto &m : *missions) {
                    if (m.text("status") == "returned")
                        japan = m.id;
                }
                auto dropped = s.dropMissions({japan});
                if (!dropped)
                    return dropped.error();
                return dropped->setAside;
            },
            [&](const attache::Result<std::int64_t> &r) { setAside = r ? *r : -2; });
        QTRY_VERIFY(setAside != -1);
        QVERIFY(setAside > 1);
        f.backend->notifyChanged(QStringLiteral("mission"));
        QTRY_COMPARE(model.count(), int(setAside));

        int meeting = -1;
        for (int i = 0; i < model.rowCount(); ++i) {
            if (model.index(i).data(SetAsideModel::KindLabelRole).toString()
                == QStringLiteral("Meeting"))
                meeting = i;
        }
        QVERIFY(meeting >= 0);
        const QModelIndex row = model.index(meeting);
        const QString text = row.data(SetAsideModel::TextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("Counterpart: ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Date and time: ")), qPrintable(text));
        QVERIFY(!row.data(SetAsideModel::ChangedFieldsRole).toString().isEmpty());
        QVERIFY(!row.data(SetAsideModel::SetAsideAtRole).toString().isEmpty());
        // Why, and what to do, in words; the store's code stays available.
        QCOMPARE(
            row.data(SetAsideModel::ReasonRole).toString(), QStringLiteral("removed_from_mission"));
        QCOMPARE(row.data(SetAsideModel::ReasonTextRole).toString(),
            SetAsideModel::reasonText(QStringLiteral("removed_from_mission")));
        QCOMPARE(row.data(SetAsideModel::AdviceRole).toString(),
            SetAsideModel::advice(QStringLiteral("removed_from_mission")));
        // A language switch rebuilds the rows in the new language.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        f.prefs.setLanguage(QStringLiteral("vi"));
        QVERIFY(reset.wait());
        QVERIFY(model.index(meeting)
                    .data(SetAsideModel::ReasonTextRole)
                    .toString()
                    .startsWith(QStringLiteral("Anh/chị không còn là thành viên")));
        f.prefs.setLanguage(QStringLiteral("en"));
        QVERIFY(reset.wait());
        const qint64 id = row.data(SetAsideModel::EditIdRole).toLongLong();
        const QString copyText = model.textOf(id);
        QVERIFY(copyText.startsWith(QStringLiteral("Meeting: ")));
        QVERIFY(copyText.contains(text));

        QSignalSpy counted(&model, &SetAsideModel::countChanged);
        model.dismiss(id);
        QVERIFY(counted.wait());
        QCOMPARE(model.count(), int(setAside) - 1);
        // Dismissed for good: a fresh model on the same store does not show it again.
        SetAsideModel later;
        later.setPreferences(&f.prefs);
        later.setBackend(f.backend.get());
        QTRY_VERIFY(!later.loading());
        QCOMPARE(later.count(), int(setAside) - 1);
        for (int i = 0; i < later.rowCount(); ++i)
            QVERIFY(later.index(i).data(SetAsideModel::EditIdRole).toLongLong() != id);
    }
};

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
