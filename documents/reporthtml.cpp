#include "reporthtml.h"

#include "vnformat.h"

#include <QStringList>

#include <map>
#include <set>

namespace attache::documents {

namespace {

QString esc(const std::string &s)
{
    return QString::fromStdString(s).toHtmlEscaped().replace(
        QLatin1Char('\n'), QStringLiteral("<br/>"));
}

QString num(std::int64_t n)
{
    return QString::fromStdString(formatInteger(n));
}

QString moneyText(const std::map<std::string, std::int64_t> &amounts)
{
    QStringList parts;
    // USD first, then VND, then the others: the order reports use.
    for (const char *first : {"USD", "VND"}) {
        if (auto it = amounts.find(first); it != amounts.end() && it->second != 0)
            parts << QString::fromStdString(formatMoney(it->second, it->first));
    }
    for (const auto &[currency, amount] : amounts) {
        if (currency != "USD" && currency != "VND" && amount != 0)
            parts << QString::fromStdString(formatMoney(amount, currency));
    }
    return parts.isEmpty() ? QStringLiteral("0") : parts.join(QStringLiteral(" và "));
}

std::string moneyOf(const Record &r, const char *field)
{
    const auto &v = r.field(field);
    if (!v.is_object() || !v.contains("amount") || !v["amount"].is_number_integer()
        || !v.contains("currency") || !v["currency"].is_string())
        return {};
    return formatMoney(v["amount"].get<std::int64_t>(), v["currency"].get<std::string>());
}

std::string joined(const Record &r, const char *field, const char *sep,
    std::string (*map)(const std::string &) = nullptr)
{
    std::string out;
    const auto &v = r.field(field);
    if (!v.is_array())
        return out;
    for (const auto &s : v) {
        if (!s.is_string())
            continue;
        out += (out.empty() ? "" : sep) + (map ? map(s.get<std::string>()) : s.get<std::string>());
    }
    return out;
}

/// Table with a header row; cells are already HTML. Long tables are cut into runs of rows,
/// each repeating the header: QTextDocument lays out one huge table far more slowly than a
/// few dozen short ones (the annual summary lists hundreds of missions), and a header on each
/// run keeps every page readable.
class Table
{
public:
    explicit Table(const QStringList &headers)
    {
        m_header = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" "
                                  "cellpadding=\"3\" style=\"border-collapse:collapse\"><tr>");
        for (const auto &h : headers)
            m_header += QStringLiteral("<th align=\"center\">") + h + QStringLiteral("</th>");
        m_header += QStringLiteral("</tr>");
    }
    void row(const QStringList &cells)
    {
        if (m_rows % kRun == 0)
            m_html += (m_rows > 0 ? QStringLiteral("</table>") : QString()) + m_header;
        m_html += QStringLiteral("<tr>");
        for (int i = 0; i < cells.size(); ++i)
            m_html += (i == 0 ? QStringLiteral("<td align=\"center\">") : QStringLiteral("<td>"))
                + cells[i] + QStringLiteral("</td>");
        m_html += QStringLiteral("</tr>");
        ++m_rows;
    }
    QString html(const QString &whenEmpty) const
    {
        if (m_rows == 0)
            return QStringLiteral("<p><i>") + whenEmpty + QStringLiteral("</i></p>");
        return m_html + QStringLiteral("</table>");
    }

private:
    static constexpr int kRun = 25;
    QString m_header;
    QString m_html;
    int m_rows = 0;
};

QString head(const DocumentHeader &h, const std::string &organisationName)
{
    const std::string org = h.organisation.empty() ? organisationName : h.organisation;
    QString left;
    if (!h.parentOrganisation.empty())
        left += esc(h.parentOrganisation).toUpper() + QStringLiteral("<br/>");
    left += QStringLiteral("<b>") + esc(org).toUpper() + QStringLiteral("</b><br/>———<br/>Số: ")
        + (h.number.empty() ? QStringLiteral("…/BC") : esc(h.number));
    const QString right = QStringLiteral("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/>"
                                         "<b><u>Độc lập - Tự do - Hạnh phúc</u></b><br/><br/><i>")
        + esc(dateLine(h.place, h.date)) + QStringLiteral("</i>");
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                          "<td width=\"40%\" align=\"center\" valign=\"top\">")
        + left + QStringLiteral("</td><td width=\"60%\" align=\"center\" valign=\"top\">") + right
        + QStringLiteral("</td></tr></table>");
}

QString title(const QString &kind, const QString &subject)
{
    return QStringLiteral("<p align=\"center\" style=\"margin-top:18px\"><b>") + kind
        + QStringLiteral("</b><br/><b>") + subject + QStringLiteral("</b><br/>———</p>");
}

QString section(const QString &roman, const QString &text)
{
    return QStringLiteral("<h4>") + roman + QStringLiteral(". ") + text + QStringLiteral("</h4>");
}

QString para(const QString &text)
{
    return QStringLiteral("<p align=\"justify\">") + text + QStringLiteral("</p>");
}

QString signature(const DocumentHeader &h)
{
    return QStringLiteral("<br/><table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                          "<td width=\"50%\" valign=\"top\"><b><i>Nơi nhận:</i></b><br/>"
                          "- Như trên;<br/>- Lưu: VT.</td>"
                          "<td width=\"50%\" align=\"center\" valign=\"top\"><b>")
        + esc(h.signerTitle).toUpper()
        + QStringLiteral("</b><br/><i>(Ký, ghi rõ họ tên)</i>"
                         "<br/><br/><br/><br/><b>")
        + esc(h.signerName) + QStringLiteral("</b></td></tr></table>");
}

} // namespace

QString missionReportHtml(const MissionReportData &d, const DocumentHeader &h)
{
    const Record &m = d.mission;
    const auto &f = d.figures;
    QString html = head(h, d.organisationName);
    html += title(QStringLiteral("BÁO CÁO"),
        QStringLiteral("Kết quả chuyến công tác: ") + esc(m.text("title")));

    html += section(QStringLiteral("I"), QStringLiteral("THÔNG TIN CHUNG VỀ ĐOÀN CÔNG TÁC"));
    QString info;
    if (!m.text("decision_number").empty())
        info += QStringLiteral("1. Quyết định cử đoàn số ") + esc(m.text("decision_number"))
            + (m.text("decision_date").empty()
                    ? QString()
                    : QStringLiteral(" ngày ") + esc(shortDate(m.text("decision_date"))))
            + QStringLiteral(".<br/>");
    info += QStringLiteral("2. Thời gian: từ ngày ") + esc(shortDate(m.text("start_date")))
        + QStringLiteral(" đến ngày ") + esc(shortDate(m.text("end_date")))
        + QStringLiteral(".<br/>3. Địa điểm: ") + esc(joined(m, "countries", ", ", countryNameVi));
    if (!joined(m, "cities", ", ").empty())
        info += QStringLiteral(" (") + esc(joined(m, "cities", ", ")) + QStringLiteral(")");
    info += QStringLiteral(".<br/>4. Thành phần đoàn: ") + num(f.personTrips)
        + QStringLiteral(" lượt cán bộ");
    if (!d.leaderName.empty())
        info += QStringLiteral(", do ông/bà ") + esc(d.leaderName)
            + QStringLiteral(" làm trưởng đoàn");
    info += QStringLiteral(".");
    if (!m.text("purpose").empty())
        info += QStringLiteral("<br/>5. Mục đích: ") + esc(m.text("purpose"));
    html += para(info);
    if (!d.memberNames.empty()) {
        Table members({QStringLiteral("TT"), QStringLiteral("Họ và tên")});
        int i = 0;
        for (const auto &name : d.memberNames)
            members.row({QString::number(++i), esc(name)});
        html += members.html(QString());
    }

    html += section(QStringLiteral("II"), QStringLiteral("KẾT QUẢ CÔNG TÁC"));
    html += para(QStringLiteral("Đoàn đã có ") + num(f.meetings)
        + QStringLiteral(" buổi làm việc, ký kết ") + num(f.agreementsSigned) + QStringLiteral("/")
        + num(f.agreements) + QStringLiteral(" văn bản hợp tác, thu thập ") + num(f.contacts)
        + QStringLiteral(" đầu mối liên hệ và ") + num(f.leads)
        + QStringLiteral(" dự án đầu tư với tổng vốn cam kết ") + moneyText(f.pledgedCapital)
        + QStringLiteral("."));

    html += QStringLiteral("<p><b>1. Các buổi làm việc</b></p>");
    Table meetings({QStringLiteral("TT"), QStringLiteral("Thời gian"), QStringLiteral("Đối tác"),
        QStringLiteral("Quốc gia"), QStringLiteral("Kết quả")});
    int i = 0;
    for (const auto &r : d.meetings) {
        const std::string at = r.text("starts_at");
        meetings.row({QString::number(++i),
            esc(shortDate(at.substr(0, 10)) + (at.size() >= 16 ? " " + at.substr(11, 5) : "")),
            esc(r.text("counterpart")),
            esc(r.text("counterpart_country").empty()
                    ? std::string()
                    : countryNameVi(r.text("counterpart_country"))),
            esc(r.text("outcome"))});
    }
    html += meetings.html(QStringLiteral("Không có buổi làm việc nào được ghi nhận."));

    html += QStringLiteral("<p><b>2. Biên bản ghi nhớ, thỏa thuận hợp tác</b></p>");
    Table agreements({QStringLiteral("TT"), QStringLiteral("Tên văn bản"), QStringLiteral("Loại"),
        QStringLiteral("Ngày ký"), QStringLiteral("Lĩnh vực"), QStringLiteral("Tình trạng")});
    i = 0;
    for (const auto &r : d.agreements) {
        agreements.row({QString::number(++i), esc(r.text("title")),
            esc(agreementKindVi(r.text("kind"))), esc(shortDate(r.text("signed_date"))),
            esc(joined(r, "fields", ", ", fieldNameVi)), esc(agreementStatusVi(r.text("status")))});
    }
    html += agreements.html(QStringLiteral("Không có văn bản nào."));

    html += QStringLiteral("<p><b>3. Đối tác, đầu mối liên hệ</b></p>");
    Table contacts({QStringLiteral("TT"), QStringLiteral("Họ và tên"), QStringLiteral("Chức vụ"),
        QStringLiteral("Cơ quan"), QStringLiteral("Quốc gia"), QStringLiteral("Liên hệ")});
    i = 0;
    for (const auto &r : d.contacts) {
        contacts.row({QString::number(++i), esc(r.text("full_name")), esc(r.text("title")),
            esc(r.text("organisation")),
            esc(r.text("country").empty() ? std::string() : countryNameVi(r.text("country"))),
            esc(joined(r, "emails", "\n") + (r.field("phones").empty() ? "" : "\n")
                + joined(r, "phones", "\n"))});
    }
    html += contacts.html(QStringLiteral("Không có đầu mối nào."));

    html += QStringLiteral("<p><b>4. Dự án, vốn đầu tư cam kết</b></p>");
    Table leads({QStringLiteral("TT"), QStringLiteral("Doanh nghiệp"), QStringLiteral("Quốc gia"),
        QStringLiteral("Lĩnh vực"), QStringLiteral("Vốn cam kết"), QStringLiteral("Tình trạng")});
    i = 0;
    for (const auto &r : d.leads) {
        leads.row({QString::number(++i), esc(r.text("company")),
            esc(r.text("country").empty() ? std::string() : countryNameVi(r.text("country"))),
            esc(r.text("sector")), esc(moneyOf(r, "pledged_capital")),
            esc(leadStatusVi(r.text("status")))});
    }
    html += leads.html(QStringLiteral("Không có dự án nào."));
    html += para(QStringLiteral("Tổng vốn cam kết (không kể dự án đã dừng): ")
        + moneyText(f.pledgedCapital) + QStringLiteral("."));

    html += section(
        QStringLiteral("III"), QStringLiteral("CÔNG VIỆC TRIỂN KHAI SAU CHUYẾN CÔNG TÁC"));
    Table follow(
        {QStringLiteral("TT"), QStringLiteral("Nội dung"), QStringLiteral("Người thực hiện"),
            QStringLiteral("Thời hạn"), QStringLiteral("Tình trạng")});
    // A follow-up added from a record of the mission says which (the app's "Add a follow-up").
    std::map<std::string, std::string> sources; // record id → "dự án: Toyota Tsusho"
    for (const auto &[records, word] :
        {std::pair {&d.meetings, "buổi làm việc"}, std::pair {&d.agreements, "văn bản"},
            std::pair {&d.contacts, "đối tác"}, std::pair {&d.leads, "dự án"}}) {
        for (const auto &r : *records)
            sources[r.id] = std::string(word) + ": " + r.title();
    }
    i = 0;
    for (const auto &r : d.followUps) {
        const std::string owner = r.text("owner_id");
        auto it = d.userNames.find(owner);
        const auto source = sources.find(r.text("linked_id"));
        const std::string task = source == sources.end() || r.text("linked_id").empty()
            ? r.text("title")
            : r.text("title") + " (từ " + source->second + ")";
        follow.row(
            {QString::number(++i), esc(task), esc(it == d.userNames.end() ? owner : it->second),
                esc(shortDate(r.text("due_date"))), esc(followUpStatusVi(r.text("status")))});
    }
    html += follow.html(QStringLiteral("Không có việc cần triển khai."));
    html += para(QStringLiteral("Chưa hoàn thành: ") + num(f.followUpsOpen)
        + QStringLiteral(" việc (quá hạn: ") + num(f.followUpsOverdue)
        + QStringLiteral(" việc); đã hoàn thành: ") + num(f.followUpsDone)
        + QStringLiteral(" việc."));
    html += signature(h);
    return html;
}

QString summaryHtml(const SummaryData &d, const DocumentHeader &h)
{
    const auto &f = d.figures;
    const QString period = QStringLiteral("từ ngày ") + esc(shortDate(d.filter.from))
        + QStringLiteral(" đến ngày ") + esc(shortDate(d.filter.to));
    QString html = head(h, d.organisationName);
    html += title(
        QStringLiteral("BÁO CÁO"), QStringLiteral("Tổng kết công tác đối ngoại ") + period);

    html += section(QStringLiteral("I"), QStringLiteral("KẾT QUẢ CHUNG"));
    html += para(QStringLiteral("Trong kỳ báo cáo, đã cử ") + num(f.missions)
        + QStringLiteral(" đoàn với ") + num(f.personTrips) + QStringLiteral(" lượt cán bộ (")
        + num(f.distinctOfficials) + QStringLiteral(" cán bộ) đi công tác nước ngoài; tổ chức ")
        + num(f.meetings) + QStringLiteral(" buổi làm việc với đối tác; ký kết ")
        + num(f.agreementsSigned) + QStringLiteral(" văn bản hợp tác; thu thập ") + num(f.contacts)
        + QStringLiteral(" đầu mối liên hệ; ") + num(f.leads)
        + QStringLiteral(" dự án đầu tư với tổng vốn cam kết ") + moneyText(f.pledgedCapital)
        + QStringLiteral("."));
    Table figures({QStringLiteral("TT"), QStringLiteral("Chỉ tiêu"), QStringLiteral("Số lượng")});
    const std::pair<const char *, std::int64_t> rows[]
        = {{"Số đoàn ra", f.missions}, {"Lượt cán bộ đi công tác", f.personTrips},
            {"Số cán bộ", f.distinctOfficials}, {"Buổi làm việc", f.meetings},
            {"Văn bản hợp tác", f.agreements}, {"Văn bản đã ký kết", f.agreementsSigned},
            {"Đầu mối liên hệ", f.contacts}, {"Dự án đầu tư", f.leads}};
    int i = 0;
    for (const auto &[name, value] : rows)
        figures.row({QString::number(++i), QString::fromUtf8(name), num(value)});
    figures.row(
        {QString::number(++i), QStringLiteral("Vốn đầu tư cam kết"), moneyText(f.pledgedCapital)});
    html += figures.html(QString());

    html += section(QStringLiteral("II"), QStringLiteral("CÁC ĐOÀN CÔNG TÁC"));
    Table missions({QStringLiteral("TT"), QStringLiteral("Đoàn công tác"),
        QStringLiteral("Quốc gia"), QStringLiteral("Thời gian"), QStringLiteral("Số người")});
    i = 0;
    for (const auto &m : d.missions) {
        std::string countries;
        for (const auto &c : m.countries)
            countries += (countries.empty() ? "" : ", ") + countryNameVi(c);
        missions.row({QString::number(++i), esc(m.title), esc(countries),
            esc(shortDate(m.startDate) + " - " + shortDate(m.endDate)), num(m.people)});
    }
    html += missions.html(QStringLiteral("Không có đoàn nào trong kỳ."));

    html += section(QStringLiteral("III"), QStringLiteral("HỢP TÁC THEO QUỐC GIA"));
    std::set<std::string> countries;
    for (const auto &[c, n] : f.missionsByCountry)
        countries.insert(c);
    for (const auto &[c, n] : f.contactsByCountry)
        countries.insert(c);
    for (const auto &[c, row] : d.leadsByCountry)
        countries.insert(c);
    Table byCountry({QStringLiteral("TT"), QStringLiteral("Quốc gia"), QStringLiteral("Số đoàn"),
        QStringLiteral("Đầu mối"), QStringLiteral("Dự án"), QStringLiteral("Vốn cam kết")});
    i = 0;
    for (const auto &c : countries) {
        auto count = [&](const std::map<std::string, std::int64_t> &m) {
            auto it = m.find(c);
            return it == m.end() ? std::int64_t(0) : it->second;
        };
        auto lead = d.leadsByCountry.find(c);
        byCountry.row({QString::number(++i), esc(countryNameVi(c)), num(count(f.missionsByCountry)),
            num(count(f.contactsByCountry)),
            num(lead == d.leadsByCountry.end() ? 0 : lead->second.leads),
            lead == d.leadsByCountry.end() ? QString() : moneyText(lead->second.capital)});
    }
    html += byCountry.html(QStringLiteral("Không có số liệu."));

    html += section(QStringLiteral("IV"), QStringLiteral("VĂN BẢN HỢP TÁC ĐÃ KÝ KẾT"));
    Table signedList({QStringLiteral("TT"), QStringLiteral("Tên văn bản"), QStringLiteral("Loại"),
        QStringLiteral("Ngày ký"), QStringLiteral("Các bên"), QStringLiteral("Lĩnh vực")});
    i = 0;
    for (const auto &r : d.agreementsSigned) {
        signedList.row({QString::number(++i), esc(r.text("title")),
            esc(agreementKindVi(r.text("kind"))), esc(shortDate(r.text("signed_date"))),
            esc(joined(r, "parties", "; ")), esc(joined(r, "fields", ", ", fieldNameVi))});
    }
    html += signedList.html(QStringLiteral("Không có văn bản nào được ký kết trong kỳ."));
    if (!f.agreementsByField.empty()) {
        Table byField(
            {QStringLiteral("TT"), QStringLiteral("Lĩnh vực"), QStringLiteral("Số văn bản")});
        i = 0;
        for (const auto &[field, n] : f.agreementsByField)
            byField.row({QString::number(++i), esc(fieldNameVi(field)), num(n)});
        html
            += QStringLiteral("<p>Số văn bản theo lĩnh vực hợp tác:</p>") + byField.html(QString());
    }

    html += section(
        QStringLiteral("V"), QStringLiteral("THEO DÕI, TRIỂN KHAI SAU CÁC CHUYẾN CÔNG TÁC"));
    html += para(QStringLiteral("Đã hoàn thành ") + num(f.followUpsDone)
        + QStringLiteral(" việc; chưa hoàn thành ") + num(f.followUpsOpen)
        + QStringLiteral(" việc, trong đó quá hạn ") + num(f.followUpsOverdue)
        + QStringLiteral(" việc."));
    html += signature(h);
    return html;
}

} // namespace attache::documents
