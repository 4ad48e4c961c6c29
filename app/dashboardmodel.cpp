#include "dashboardmodel.h"

#include "dashboarddata.h"
#include "documentsaver.h"
#include "logging.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "reporthtml.h"
#include "store.h"
#include "texts.h"

#include <QDate>
#include <QFileInfo>

#include <algorithm>

struct DashboardModel::Cached
{
    attache::documents::DashboardData data;
    std::vector<int> years;
};

namespace {

QVariantMap figure(const QString &key, const QString &label, const QString &value,
    const QString &drill, const QString &drillTitle)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("label"), label},
        {QStringLiteral("value"), value}, {QStringLiteral("drill"), drill},
        {QStringLiteral("drillTitle"), drillTitle}};
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

DashboardModel::DashboardModel(QObject *parent)
    : QObject(parent)
{
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(150);
    connect(&m_changeTimer, &QTimer::timeout, this, &DashboardModel::reload);
    setYear(QDate::currentDate().year());
}

DashboardModel::~DashboardModel() = default;

void DashboardModel::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, [this](const QString &kind) {
            if (kind != QLatin1String("attachment") && kind != QLatin1String("review"))
                m_changeTimer.start();
        });
        connect(m_backend, &Backend::readyChanged, this, &DashboardModel::reload);
    }
    Q_EMIT configChanged();
    reload();
}

void DashboardModel::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    if (m_prefs)
        disconnect(m_prefs, nullptr, this, nullptr);
    m_prefs = prefs;
    if (m_prefs)
        connect(m_prefs, &Preferences::languageChanged, this, &DashboardModel::format);
    Q_EMIT configChanged();
    format();
}

void DashboardModel::setYear(int year)
{
    if (year < 0 || (year == m_year && (year == 0 || m_from.startsWith(QString::number(year)))))
        return;
    m_year = year;
    if (year > 0) {
        m_from = QStringLiteral("%1-01-01").arg(year, 4, 10, QLatin1Char('0'));
        m_to = QStringLiteral("%1-12-31").arg(year, 4, 10, QLatin1Char('0'));
    }
    Q_EMIT configChanged();
    reload();
}

void DashboardModel::setAsOf(const QString &asOf)
{
    if (m_asOf == asOf)
        return;
    m_asOf = asOf;
    Q_EMIT configChanged();
    reload();
}

bool DashboardModel::setPeriod(const QString &fromText, const QString &toText)
{
    auto parse = [](const QString &text, QString &out) {
        if (text.trimmed().isEmpty()) {
            out.clear();
            return true;
        }
        auto d = Preferences::parseDate(text.trimmed());
        if (!d)
            return false;
        out = *d;
        return true;
    };
    QString from, to;
    if (!parse(fromText, from) || !parse(toText, to)) {
        Q_EMIT errorMessage(tr("Type dates as dd/mm/yyyy."));
        return false;
    }
    if (!from.isEmpty() && !to.isEmpty() && to < from) {
        Q_EMIT errorMessage(tr("The period ends before it starts."));
        return false;
    }
    m_year = 0;
    m_from = from;
    m_to = to;
    Q_EMIT configChanged();
    reload();
    return true;
}

QVariantList DashboardModel::yearOptions() const
{
    QList<int> years = m_years;
    const int current = QDate::currentDate().year();
    if (!years.contains(current))
        years.append(current);
    if (m_year > 0 && !years.contains(m_year))
        years.append(m_year);
    std::sort(years.begin(), years.end(), std::greater<int>());
    QVariantList out;
    for (int y : years) {
        out.append(QVariantMap {
            {QStringLiteral("value"), y}, {QStringLiteral("label"), QString::number(y)}});
    }
    out.append(QVariantMap {
        {QStringLiteral("value"), 0}, {QStringLiteral("label"), tr("Custom period…")}});
    return out;
}

QString DashboardModel::periodLabel() const
{
    if (m_year > 0)
        return tr("Year %1").arg(m_year);
    auto date = [this](const QString &iso) { return m_prefs ? m_prefs->formatDate(iso) : iso; };
    if (m_from.isEmpty() && m_to.isEmpty())
        return tr("All missions");
    if (m_to.isEmpty())
        return tr("From %1").arg(date(m_from));
    if (m_from.isEmpty())
        return tr("Until %1").arg(date(m_to));
    return tr("%1 – %2").arg(date(m_from), date(m_to));
}

void DashboardModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void DashboardModel::reload()
{
    if (!m_backend || !m_backend->isReady())
        return;
    attache::ReportFilter filter;
    filter.from = m_from.toStdString();
    filter.to = m_to.toStdString();
    filter.asOf
        = (m_asOf.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : m_asOf).toStdString();
    const int generation = ++m_generation;
    setLoading(true);
    m_backend->run(
        this,
        [filter](attache::Store &s) -> attache::Result<Cached> {
            auto data = attache::documents::loadDashboard(s, filter);
            if (!data)
                return data.error();
            auto years = attache::documents::missionYears(s);
            if (!years)
                return years.error();
            return Cached {std::move(*data), std::move(*years)};
        },
        [this, generation](attache::Result<Cached> r) {
            if (generation != m_generation)
                return;
            m_loaded = true;
            setLoading(false);
            if (!r) {
                qCWarning(lcApp) << "dashboard:" << r.error().message.c_str();
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            m_cached = std::make_shared<Cached>(std::move(*r));
            QList<int> years(m_cached->years.begin(), m_cached->years.end());
            if (years != m_years) {
                m_years = years;
                Q_EMIT yearsChanged();
            }
            format();
        });
}

QString DashboardModel::formatMoney(qint64 minorUnits, const QString &currency) const
{
    Preferences fallback(nullptr, nullptr, false);
    const Preferences &p = m_prefs ? *m_prefs : fallback;
    const QString plain = p.formatMoney(minorUnits, currency); // "1.750.000,5 USD"
    QString number = plain.left(plain.size() - currency.size() - 1);
    // Cents are written in full: 1.750.000,50, never 1.750.000,5.
    const QChar point = p.locale().decimalPoint().at(0);
    const int dot = number.lastIndexOf(point);
    if (dot >= 0 && number.size() - dot - 1 == 1)
        number += QLatin1Char('0');
    if (p.language() == QLatin1String("vi")) {
        if (currency == QLatin1String("VND"))
            return number + QStringLiteral(" ₫");
        if (currency == QLatin1String("USD"))
            return number + QStringLiteral(" US$");
    }
    return number + QLatin1Char(' ') + currency;
}

void DashboardModel::format()
{
    if (!m_cached)
        return;
    const auto &d = m_cached->data;
    const auto &f = d.figures;
    Preferences fallback(nullptr, nullptr, false);
    const Preferences &p = m_prefs ? *m_prefs : fallback;
    const bool vi = p.language() == QLatin1String("vi");
    auto n = [&](std::int64_t v) { return p.formatInteger(v); };

    QVariantList figures;
    figures.append(figure(QStringLiteral("missions"), tr("Missions"), n(f.missions),
        QStringLiteral("missions"), tr("Missions")));
    figures.append(figure(QStringLiteral("personTrips"), tr("Person-trips"), n(f.personTrips),
        QStringLiteral("personTrips"), tr("Missions and their people")));
    figures.append(figure(QStringLiteral("officials"), tr("Officials who travelled"),
        n(f.distinctOfficials), QStringLiteral("officials"), tr("Officials who travelled")));
    figures.append(figure(QStringLiteral("meetings"), tr("Working meetings"), n(f.meetings),
        QStringLiteral("meetings"), tr("Working meetings")));
    figures.append(figure(QStringLiteral("agreementsSigned"), tr("Agreements signed"),
        n(f.agreementsSigned), QStringLiteral("agreementsSigned"), tr("Agreements signed")));
    figures.append(figure(QStringLiteral("contacts"), tr("Contacts"), n(f.contacts),
        QStringLiteral("contacts"), tr("Contacts")));
    if (f.pledgedCapital.empty()) {
        figures.append(figure(QStringLiteral("capital"), tr("Pledged capital"), n(0),
            QStringLiteral("leads"), tr("Investment leads")));
    }
    for (const auto &[currency, amount] : f.pledgedCapital) {
        const QString cur = q(currency);
        figures.append(figure(QStringLiteral("capital:") + cur, tr("Pledged capital (%1)").arg(cur),
            formatMoney(amount, cur), QStringLiteral("capital:") + cur,
            tr("Pledged capital (%1)").arg(cur)));
    }
    figures.append(figure(QStringLiteral("followUpsOpen"), tr("Follow-ups open"),
        n(f.followUpsOpen), QStringLiteral("followUpsOpen"), tr("Follow-ups open")));
    figures.append(figure(QStringLiteral("followUpsOverdue"), tr("Follow-ups overdue"),
        n(f.followUpsOverdue), QStringLiteral("followUpsOverdue"), tr("Follow-ups overdue")));
    m_figures = figures;

    auto bars = [&](const std::vector<attache::documents::ChartBar> &in, auto label,
                    const QString &prefix, auto title) {
        std::int64_t max = 1;
        for (const auto &b : in)
            max = std::max(max, b.value);
        QVariantList out;
        for (const auto &b : in) {
            const QString key = q(b.key);
            out.append(QVariantMap {{QStringLiteral("key"), key},
                {QStringLiteral("label"), label(key)}, {QStringLiteral("value"), n(b.value)},
                {QStringLiteral("count"), qint64(b.value)},
                {QStringLiteral("fraction"), double(b.value) / double(max)},
                {QStringLiteral("drill"), prefix + key},
                {QStringLiteral("drillTitle"), title(key)}});
        }
        return out;
    };
    m_byCountry = bars(
        d.missionsByCountry, [](const QString &k) { return Texts::countryName(k); },
        QStringLiteral("country:"),
        [](const QString &k) { return tr("Missions to %1").arg(Texts::countryName(k)); });
    const bool manyYears = !d.missionsByMonth.empty()
        && d.missionsByMonth.front().key.substr(0, 4) != d.missionsByMonth.back().key.substr(0, 4);
    const QLocale english(QLocale::English);
    auto monthOf = [](const QString &k) { return k.mid(5, 2).toInt(); };
    m_byMonth = bars(
        d.missionsByMonth,
        [&](const QString &k) {
            // Vietnamese months are numbered: T3 (tháng 3); English ones named: Mar.
            QString label = vi ? QStringLiteral("T%1").arg(monthOf(k))
                               : english.monthName(monthOf(k), QLocale::ShortFormat);
            if (manyYears)
                label += (vi ? QStringLiteral("/") : QStringLiteral(" ")) + k.mid(2, 2);
            return label;
        },
        QStringLiteral("month:"),
        [&](const QString &k) {
            const QString month = vi ? QStringLiteral("%1/%2").arg(monthOf(k)).arg(k.left(4))
                                     : english.monthName(monthOf(k)) + QLatin1Char(' ') + k.left(4);
            return tr("Missions starting in %1").arg(month);
        });
    m_byField = bars(
        d.agreementsByField,
        [](const QString &k) {
            return Texts::enumLabel(QStringLiteral("agreement"), QStringLiteral("fields"), k);
        },
        QStringLiteral("field:"),
        [](const QString &k) {
            return tr("Agreements in %1")
                .arg(Texts::enumLabel(QStringLiteral("agreement"), QStringLiteral("fields"), k)
                         .toLower());
        });
    m_summary = tr("%1 missions with %2 person-trips").arg(n(f.missions), n(f.personTrips));
    Q_EMIT figuresChanged();
}

void DashboardModel::saveSummary(const QUrl &file)
{
    if (!m_backend || m_saving)
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("csv")) {
        Q_EMIT errorMessage(tr("Save the summary as a .pdf or .csv file."));
        return;
    }
    attache::ReportFilter filter;
    filter.from = m_from.toStdString();
    filter.to = m_to.toStdString();
    filter.asOf
        = (m_asOf.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : m_asOf).toStdString();
    attache::documents::DocumentHeader header;
    header.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
    header.signerName = m_backend->currentUserName().toStdString();
    m_saving = true;
    Q_EMIT savingChanged();
    m_backend->run(
        this,
        [filter, header, path](attache::Store &s) -> attache::Result<QString> {
            auto data = attache::documents::loadSummary(s, filter);
            if (!data)
                return data.error();
            return writeDocument(
                path, [&] { return attache::documents::summaryCsv(*data); },
                [&] { return attache::documents::summaryHtml(*data, header); },
                QStringLiteral("Báo cáo tổng kết"));
        },
        [this](attache::Result<QString> r) {
            m_saving = false;
            Q_EMIT savingChanged();
            if (!r) {
                qCWarning(lcApp) << "saving the summary:" << r.error().message.c_str();
                Q_EMIT errorMessage(r.error().code == "io"
                        ? tr("Could not save the summary: %1")
                              .arg(QString::fromStdString(r.error().message))
                        : Texts::errorText(r.error()));
                return;
            }
            Q_EMIT summarySaved(*r);
        });
}
