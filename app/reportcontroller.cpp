#include "reportcontroller.h"

#include "backend.h"
#include "logging.h"
#include "preferences.h"
#include "store.h"
#include "texts.h"

struct ReportController::Cached
{
    attache::ReportFigures figures;
    std::string status;
};

namespace {

QVariantMap line(const QString &label, const QString &value)
{
    return {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}};
}

} // namespace

ReportController::ReportController(QObject *parent)
    : QObject(parent)
{ }

void ReportController::setBackend(Backend *backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    if (m_backend) {
        connect(m_backend, &Backend::changed, this, [this](const QString &) { reload(); });
        connect(m_backend, &Backend::readyChanged, this, &ReportController::reload);
        connect(m_backend, &Backend::currentUserChanged, this, &ReportController::figuresChanged);
    }
    Q_EMIT configChanged();
    reload();
}

void ReportController::setPreferences(Preferences *prefs)
{
    if (m_prefs == prefs)
        return;
    m_prefs = prefs;
    if (m_prefs)
        connect(m_prefs, &Preferences::languageChanged, this, &ReportController::format);
    Q_EMIT configChanged();
    format();
}

void ReportController::setMissionId(const QString &id)
{
    if (m_missionId == id)
        return;
    m_missionId = id;
    Q_EMIT configChanged();
    reload();
}

void ReportController::setYear(int year)
{
    if (m_year == year)
        return;
    m_year = year;
    Q_EMIT configChanged();
    reload();
}

void ReportController::setCountry(const QString &country)
{
    if (m_country == country)
        return;
    m_country = country;
    Q_EMIT configChanged();
    reload();
}

bool ReportController::canReview() const
{
    // Only a filed report is reviewed, by a manager (or on a device nobody signed in to yet).
    if (m_missionId.isEmpty() || m_missionStatus != QLatin1String("report_filed") || !m_backend)
        return false;
    return m_backend->isManager() || m_backend->currentUserId().isEmpty();
}

void ReportController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void ReportController::reload()
{
    if (!m_backend || !m_backend->isReady())
        return;
    attache::ReportFilter filter;
    filter.missionId = m_missionId.toStdString();
    filter.country = m_country.toStdString();
    if (m_year > 0) {
        filter.from = std::to_string(m_year) + "-01-01";
        filter.to = std::to_string(m_year) + "-12-31";
    }
    const int generation = ++m_generation;
    m_backend->run(
        this,
        [filter](attache::Store &s) -> attache::Result<Cached> {
            auto figures = s.report(filter);
            if (!figures)
                return figures.error();
            Cached c {*figures, {}};
            if (!filter.missionId.empty()) {
                auto mission = s.get("mission", filter.missionId);
                if (mission && *mission)
                    c.status = (*mission)->text("status");
            }
            return c;
        },
        [this, generation](attache::Result<Cached> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            m_cached = std::make_shared<Cached>(std::move(*r));
            format();
        });
}

void ReportController::format()
{
    if (!m_cached)
        return;
    const auto &f = m_cached->figures;
    Preferences fallback(nullptr, nullptr, false);
    const Preferences &p = m_prefs ? *m_prefs : fallback;
    auto n = [&](std::int64_t v) { return p.formatInteger(v); };
    QVariantList lines;
    if (m_missionId.isEmpty()) {
        lines.append(line(tr("Missions"), n(f.missions)));
        lines.append(line(tr("Person-trips"), n(f.personTrips)));
        lines.append(line(tr("Officials who travelled"), n(f.distinctOfficials)));
    }
    lines.append(line(tr("Working meetings"), n(f.meetings)));
    lines.append(line(tr("Agreements"), n(f.agreements)));
    lines.append(line(tr("Agreements signed"), n(f.agreementsSigned)));
    for (const auto &[field, count] : f.agreementsByField) {
        lines.append(line(tr("Agreements in %1")
                              .arg(Texts::enumLabel(QStringLiteral("agreement"),
                                  QStringLiteral("fields"), QString::fromStdString(field))
                                       .toLower()),
            n(count)));
    }
    lines.append(line(tr("Contacts"), n(f.contacts)));
    lines.append(line(tr("Investment leads"), n(f.leads)));
    for (const auto &[currency, amount] : f.pledgedCapital)
        lines.append(
            line(tr("Pledged capital"), p.formatMoney(amount, QString::fromStdString(currency))));
    lines.append(line(tr("Follow-ups open"), n(f.followUpsOpen)));
    lines.append(line(tr("Follow-ups overdue"), n(f.followUpsOverdue)));
    lines.append(line(tr("Follow-ups done"), n(f.followUpsDone)));
    m_figures = lines;
    m_summary = m_missionId.isEmpty()
        ? tr("%1 missions with %2 person-trips").arg(n(f.missions), n(f.personTrips))
        : QString();
    m_missionStatus = QString::fromStdString(m_cached->status);
    Q_EMIT figuresChanged();
}

void ReportController::approve(const QString &comment)
{
    review(QStringLiteral("approved"), comment);
}

void ReportController::returnReport(const QString &comment)
{
    if (comment.trimmed().isEmpty()) {
        Q_EMIT errorMessage(tr("Say what the delegation should change."));
        return;
    }
    review(QStringLiteral("returned"), comment);
}

void ReportController::review(const QString &decision, const QString &comment)
{
    if (!m_backend || m_busy || !canReview())
        return;
    setBusy(true);
    m_backend->run(
        this,
        [mission = m_missionId.toStdString(), decision = decision.toStdString(),
            comment = comment.trimmed().toStdString()](
            attache::Store &s) -> attache::Result<attache::Record> {
            nlohmann::json fields {
                {"mission_id", mission}, {"decision", decision}, {"comment", comment}};
            if (!s.currentUser().empty())
                fields["reviewer_id"] = s.currentUser();
            // The review and the mission's new status are one decision: one transaction (the
            // store's own writes nest in it as savepoints), so that neither exists without the
            // other, even after a crash between the two.
            auto tx = attache::Transaction::begin(s.database());
            if (!tx)
                return tx.error();
            auto review = s.create("review", fields);
            if (!review)
                return review.error();
            const char *status = decision == "approved" ? "report_approved" : "returned";
            auto updated = s.update("mission", mission, {{"status", status}});
            if (!updated)
                return updated.error(); // rolled back: no review either
            if (auto c = tx->commit(); !c)
                return c.error();
            return *review;
        },
        [this, decision](attache::Result<attache::Record> r) {
            setBusy(false);
            if (!r) {
                qCWarning(lcApp) << "review failed:" << r.error().message.c_str();
                Q_EMIT errorMessage(Texts::errorText(r.error()));
                return;
            }
            m_backend->notifyChanged(QStringLiteral("review"));
            m_backend->notifyChanged(QStringLiteral("mission"));
            Q_EMIT reviewed(decision);
        });
}
