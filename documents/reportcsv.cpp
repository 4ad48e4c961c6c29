#include "reportcsv.h"

#include "interchange/contactcsv.h"
#include "vnformat.h"

namespace attache::documents {

namespace {

class Sheet
{
public:
    Sheet()
    {
        m_out = "\xEF\xBB\xBF";
        row("Mục", "Chỉ tiêu", "Giá trị", "Đơn vị");
    }

    void row(const std::string &section, const std::string &name, const std::string &value,
        const std::string &unit)
    {
        using interchange::csvField;
        m_out += csvField(section) + "," + csvField(name) + "," + csvField(value) + ","
            + csvField(unit) + "\r\n";
    }
    void count(const std::string &section, const std::string &name, std::int64_t v,
        const std::string &unit)
    {
        row(section, name, std::to_string(v), unit);
    }
    void money(const std::string &section, const std::string &name,
        const std::map<std::string, std::int64_t> &amounts)
    {
        for (const auto &[currency, amount] : amounts)
            row(section, name, plainAmount(amount, currency), currency);
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

void figures(Sheet &s, const ReportFigures &f, bool summary)
{
    const std::string t = "Tổng hợp";
    if (summary)
        s.count(t, "Số đoàn ra", f.missions, "đoàn");
    s.count(t, "Lượt cán bộ", f.personTrips, "lượt");
    s.count(t, "Số cán bộ", f.distinctOfficials, "người");
    s.count(t, "Buổi làm việc", f.meetings, "buổi");
    s.count(t, "Văn bản hợp tác", f.agreements, "văn bản");
    s.count(t, "Văn bản đã ký kết", f.agreementsSigned, "văn bản");
    s.count(t, "Đầu mối liên hệ", f.contacts, "người");
    s.count(t, "Dự án đầu tư", f.leads, "dự án");
    s.money(t, "Vốn đầu tư cam kết", f.pledgedCapital);
    s.count(t, "Việc triển khai chưa hoàn thành", f.followUpsOpen, "việc");
    s.count(t, "Việc triển khai quá hạn", f.followUpsOverdue, "việc");
    s.count(t, "Việc triển khai đã hoàn thành", f.followUpsDone, "việc");
    for (const auto &[field, n] : f.agreementsByField)
        s.count("Văn bản theo lĩnh vực", fieldNameVi(field), n, "văn bản");
    for (const auto &[status, n] : f.agreementsByStatus)
        s.count("Văn bản theo tình trạng", agreementStatusVi(status), n, "văn bản");
    if (summary) {
        for (const auto &[country, n] : f.missionsByCountry)
            s.count("Đoàn theo quốc gia", countryNameVi(country), n, "đoàn");
    }
    for (const auto &[country, n] : f.contactsByCountry)
        s.count("Đầu mối theo quốc gia", countryNameVi(country), n, "người");
}

} // namespace

std::string missionReportCsv(const MissionReportData &data)
{
    Sheet s;
    s.row("Đoàn công tác", "Tên đoàn", data.mission.text("title"), "");
    s.row("Đoàn công tác", "Từ ngày", shortDate(data.mission.text("start_date")), "");
    s.row("Đoàn công tác", "Đến ngày", shortDate(data.mission.text("end_date")), "");
    figures(s, data.figures, false);
    return s.take();
}

std::string summaryCsv(const SummaryData &data)
{
    Sheet s;
    s.row("Kỳ báo cáo", "Từ ngày", shortDate(data.filter.from), "");
    s.row("Kỳ báo cáo", "Đến ngày", shortDate(data.filter.to), "");
    figures(s, data.figures, true);
    for (const auto &[country, row] : data.leadsByCountry) {
        s.count("Dự án theo quốc gia", countryNameVi(country), row.leads, "dự án");
        s.money("Vốn cam kết theo quốc gia", countryNameVi(country), row.capital);
    }
    return s.take();
}

} // namespace attache::documents
