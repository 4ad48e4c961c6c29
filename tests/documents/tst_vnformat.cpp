// Vietnamese number, money and date formatting of the documents.

#include "vnformat.h"

#include <QTest>

using namespace attache::documents;

class TestVnFormat : public QObject
{
    Q_OBJECT

private slots:
    void integers()
    {
        QCOMPARE(formatInteger(0), std::string("0"));
        QCOMPARE(formatInteger(999), std::string("999"));
        QCOMPARE(formatInteger(1000), std::string("1.000"));
        QCOMPARE(formatInteger(1500000), std::string("1.500.000"));
        QCOMPARE(formatInteger(-1234567), std::string("-1.234.567"));
    }

    void money()
    {
        QCOMPARE(formatMoney(150000000, "USD"), std::string("1.500.000 USD"));
        QCOMPARE(formatMoney(25000050, "USD"), std::string("250.000,50 USD"));
        QCOMPARE(formatMoney(1500000000, "USD"), std::string("15.000.000 USD"));
        QCOMPARE(formatMoney(337500000000, "VND"), std::string("337,5 tỷ đồng"));
        QCOMPARE(formatMoney(1000000000, "VND"), std::string("1 tỷ đồng"));
        QCOMPARE(formatMoney(1234560000000, "VND"), std::string("1.234,56 tỷ đồng"));
        QCOMPARE(formatMoney(450000000, "VND"), std::string("450 triệu đồng"));
        QCOMPARE(formatMoney(125000, "VND"), std::string("125.000 đồng"));
        QCOMPARE(formatMoney(12345, "JPY"), std::string("12.345 JPY"));
        QCOMPARE(formatMoney(-150000000, "USD"), std::string("-1.500.000 USD"));
        QCOMPARE(formatAmount(175000050, "USD"), std::string("1.750.000,50"));
        QCOMPARE(formatAmount(337500000000, "VND"), std::string("337.500.000.000"));
        QCOMPARE(plainAmount(175000050, "USD"), std::string("1750000.50"));
        QCOMPARE(plainAmount(150000000, "USD"), std::string("1500000"));
        QCOMPARE(plainAmount(337500000000, "VND"), std::string("337500000000"));
        QCOMPARE(plainAmount(1005, "KWD"), std::string("1.005"));
    }

    void dates()
    {
        QCOMPARE(
            dateLine("Hà Tĩnh", "2027-01-15"), std::string("Hà Tĩnh, ngày 15 tháng 01 năm 2027"));
        QCOMPARE(dateLine("", "2026-12-05"), std::string("ngày 05 tháng 12 năm 2026"));
        QCOMPARE(dateLine("Hà Nội", "2026-02-30"), std::string("Hà Nội, ngày … tháng … năm …"));
        QCOMPARE(shortDate("2026-03-09"), std::string("09/03/2026"));
        QCOMPARE(shortDate("2026-03-09T10:00"), std::string("09/03/2026"));
        QCOMPARE(shortDate(""), std::string(""));
    }
};

QTEST_GUILESS_MAIN(TestVnFormat)
#include "tst_vnformat.moc"
