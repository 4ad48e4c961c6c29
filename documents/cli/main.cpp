// attache-report: the mission report and the period summary as PDF or CSV, from a store file,
// without the app (IT staff, scheduled jobs). Runs headless (QT_QPA_PLATFORM=offscreen).

#include "pdfwriter.h"
#include "reportcsv.h"
#include "reporthtml.h"
#include "store.h"

#include <QFile>
#include <QGuiApplication>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

using namespace attache;
using namespace attache::documents;

namespace {

constexpr const char *kUsage = R"(usage:
  attache-report --db FILE mission ID --out FILE.pdf|FILE.csv [OPTIONS]
  attache-report --db FILE summary --from YYYY-MM-DD --to YYYY-MM-DD [--org ID]
                 --out FILE.pdf|FILE.csv [OPTIONS]

options (the document's header and signature block):
  --parent TEXT        governing body, e.g. "UBND TỈNH HÀ TĨNH"
  --issuer TEXT        issuing body (default: the organisation's name)
  --number TEXT        document number, e.g. "15/BC-SNV"
  --place TEXT         place on the date line, e.g. "Hà Tĩnh"
  --date YYYY-MM-DD    date of the document (default: today)
  --signer NAME        who signs (mission report default: the leader)
  --signer-title TEXT  e.g. "GIÁM ĐỐC" (mission report default: "TRƯỞNG ĐOÀN")
  --as-of YYYY-MM-DD   follow-ups due before this date count as overdue (default: today)
)";

int fail(const Error &e)
{
    std::cerr << "error: " << e.message << " (" << e.code << ")\n";
    return 1;
}

std::string today()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm {};
    localtime_r(&t, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

Result<void> writeFile(const std::string &path, const std::string &bytes)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || f.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) || !f.flush())
        return makeError("io", "Could not write " + path + ".");
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i)
        args.emplace_back(argv[i]);
    std::string db, command, missionId, out;
    ReportFilter filter;
    DocumentHeader header;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        const bool hasValue = i + 1 < args.size();
        auto value = [&]() -> std::string { return hasValue ? args[++i] : std::string(); };
        if (a == "--db" && hasValue)
            db = value();
        else if (a == "--out" && hasValue)
            out = value();
        else if (a == "--from" && hasValue)
            filter.from = value();
        else if (a == "--to" && hasValue)
            filter.to = value();
        else if (a == "--org" && hasValue)
            filter.organisationId = value();
        else if (a == "--as-of" && hasValue)
            filter.asOf = value();
        else if (a == "--parent" && hasValue)
            header.parentOrganisation = value();
        else if (a == "--issuer" && hasValue)
            header.organisation = value();
        else if (a == "--number" && hasValue)
            header.number = value();
        else if (a == "--place" && hasValue)
            header.place = value();
        else if (a == "--date" && hasValue)
            header.date = value();
        else if (a == "--signer" && hasValue)
            header.signerName = value();
        else if (a == "--signer-title" && hasValue)
            header.signerTitle = value();
        else if (command.empty() && (a == "mission" || a == "summary"))
            command = a;
        else if (command == "mission" && missionId.empty() && !a.starts_with("--"))
            missionId = a;
        else {
            std::cerr << "unknown argument “" << a << "”\n" << kUsage;
            return 2;
        }
    }
    const bool pdf = out.ends_with(".pdf"), csv = out.ends_with(".csv");
    if (db.empty() || command.empty() || (!pdf && !csv)
        || (command == "mission" && missionId.empty())
        || (command == "summary" && (filter.from.empty() || filter.to.empty()))) {
        std::cerr << kUsage;
        return 2;
    }
    if (header.date.empty())
        header.date = today();

    StoreOptions options;
    options.mode = Database::Mode::ReadOnly;
    auto store = Store::open(db, options);
    if (!store)
        return fail(store.error());

    std::string csvBytes;
    QString html, title;
    if (command == "mission") {
        auto data = loadMissionReport(**store, missionId, filter.asOf);
        if (!data)
            return fail(data.error());
        if (header.signerTitle.empty())
            header.signerTitle = "TRƯỞNG ĐOÀN";
        if (header.signerName.empty())
            header.signerName = data->leaderName;
        csvBytes = csv ? missionReportCsv(*data) : std::string();
        html = pdf ? missionReportHtml(*data, header) : QString();
        title = QStringLiteral("Báo cáo kết quả chuyến công tác");
    } else {
        auto data = loadSummary(**store, filter);
        if (!data)
            return fail(data.error());
        csvBytes = csv ? summaryCsv(*data) : std::string();
        html = pdf ? summaryHtml(*data, header) : QString();
        title = QStringLiteral("Báo cáo tổng kết");
    }
    auto written
        = pdf ? writePdf(html, QString::fromStdString(out), title) : writeFile(out, csvBytes);
    if (!written)
        return fail(written.error());
    std::cout << out << "\n";
    return 0;
}
