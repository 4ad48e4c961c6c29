#include "text.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include <QTest>
#include <nlohmann/json.hpp>

using namespace attache;

/// Accent folding as Vietnamese users type without diacritics, and UTF-8 validation.
class TestText : public QObject
{
    Q_OBJECT
private slots:
    void fold_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("folded");
        QTest::newRow("province") << QStringLiteral("Hà Tĩnh") << QStringLiteral("ha tinh");
        QTest::newRow("d with stroke") << QStringLiteral("Đắk Lắk") << QStringLiteral("dak lak");
        QTest::newRow("official") << QStringLiteral("Nguyễn Hồng Lĩnh")
                                  << QStringLiteral("nguyen hong linh");
        QTest::newRow("director") << QStringLiteral("Thái Phúc Sơn")
                                  << QStringLiteral("thai phuc son");
        QTest::newRow("upper case with tones")
            << QStringLiteral("QUẢNG NGÃI, VĨNH LONG") << QStringLiteral("quang ngai, vinh long");
        QTest::newRow("horn letters")
            << QStringLiteral("Ươm Ưu Ờ Ợ") << QStringLiteral("uom uu o o");
        QTest::newRow("department")
            << QStringLiteral("Sở Công Thương") << QStringLiteral("so cong thuong");
        // Every Vietnamese vowel with each of the six tones (level, huyền, sắc, hỏi, ngã, nặng),
        // lower and upper case: 12 x 6 x 2 letters, 132 of them with marks, with đ Đ all 134.
        QTest::newRow("a A") << QStringLiteral("aàáảãạ AÀÁẢÃẠ") << QStringLiteral("aaaaaa aaaaaa");
        QTest::newRow("ă Ă") << QStringLiteral("ăằắẳẵặ ĂẰẮẲẴẶ") << QStringLiteral("aaaaaa aaaaaa");
        QTest::newRow("â Â") << QStringLiteral("âầấẩẫậ ÂẦẤẨẪẬ") << QStringLiteral("aaaaaa aaaaaa");
        QTest::newRow("e E") << QStringLiteral("eèéẻẽẹ EÈÉẺẼẸ") << QStringLiteral("eeeeee eeeeee");
        QTest::newRow("ê Ê") << QStringLiteral("êềếểễệ ÊỀẾỂỄỆ") << QStringLiteral("eeeeee eeeeee");
        QTest::newRow("i I") << QStringLiteral("iìíỉĩị IÌÍỈĨỊ") << QStringLiteral("iiiiii iiiiii");
        QTest::newRow("o O") << QStringLiteral("oòóỏõọ OÒÓỎÕỌ") << QStringLiteral("oooooo oooooo");
        QTest::newRow("ô Ô") << QStringLiteral("ôồốổỗộ ÔỒỐỔỖỘ") << QStringLiteral("oooooo oooooo");
        QTest::newRow("ơ Ơ") << QStringLiteral("ơờớởỡợ ƠỜỚỞỠỢ") << QStringLiteral("oooooo oooooo");
        QTest::newRow("u U") << QStringLiteral("uùúủũụ UÙÚỦŨỤ") << QStringLiteral("uuuuuu uuuuuu");
        QTest::newRow("ư Ư") << QStringLiteral("ưừứửữự ƯỪỨỬỮỰ") << QStringLiteral("uuuuuu uuuuuu");
        QTest::newRow("y Y") << QStringLiteral("yỳýỷỹỵ YỲÝỶỸỴ") << QStringLiteral("yyyyyy yyyyyy");
        QTest::newRow("đ Đ") << QStringLiteral("đĐ") << QStringLiteral("dd");
        QTest::newRow("decomposed input")
            << QString::fromUtf8("Ha\xcc\x80 Ti\xcc\x83nh") << QStringLiteral("ha tinh");
        QTest::newRow("foreign names") << QStringLiteral("Müller Ångström Œuvre Straße")
                                       << QStringLiteral("muller angstrom oeuvre strasse");
        QTest::newRow("other scripts kept")
            << QStringLiteral("東京 Москва") << QStringLiteral("東京 москва");
    }
    void fold()
    {
        QFETCH(QString, input);
        QFETCH(QString, folded);
        QCOMPARE(QString::fromStdString(foldForSearch(input.toStdString())), folded);
    }

    void tokens()
    {
        const auto t = searchTokens("  Hà-Tĩnh, JETRO  (Tokyo) ");
        QCOMPARE(t, (std::vector<std::string> {"ha", "tinh", "jetro", "tokyo"}));
        QVERIFY(searchTokens(" , ; ").empty());
    }

    void utf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("vietnamese") << QStringLiteral("Biên bản ghi nhớ").toUtf8() << true;
        QTest::newRow("emoji") << QByteArray("\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3") << true;
        QTest::newRow("lone continuation") << QByteArray("a\x80z") << false;
        QTest::newRow("truncated") << QByteArray("H\xc3") << false;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("past max") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("latin1") << QByteArray("H\xe0 T\xecnh") << false;
    }
    void utf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8(std::string_view(bytes.constData(), size_t(bytes.size()))), valid);
    }

    void trim()
    {
        QCOMPARE(trimmed("  Hà Nội \t"), std::string("Hà Nội"));
        QCOMPARE(trimmed("\xc2\xa0Tokyo\xe3\x80\x80"), std::string("Tokyo"));
        QCOMPARE(trimmed("   "), std::string());
    }

    void printable_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("valid") << QByteArray("Hà Tĩnh") << QByteArray("Hà Tĩnh");
        QTest::newRow("stray byte") << QByteArray("a\xff b") << QByteArray("a\uFFFD b");
        QTest::newRow("truncated") << QByteArray("Nguy\xe1\xbb") << QByteArray("Nguy\uFFFD\uFFFD");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\uFFFD\uFFFD");
        QTest::newRow("surrogate")
            << QByteArray("\xed\xa0\x80x") << QByteArray("\uFFFD\uFFFD\uFFFDx");
    }

    void printable()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string out = attache::printable(input.toStdString());
        QCOMPARE(QByteArray::fromStdString(out), expected);
        QVERIFY(attache::isValidUtf8(out));
    }

    void jsonString()
    {
        // What the JSON library would write, for every character class it escapes or keeps.
        const std::string cases[] = {"", "Hà Tĩnh", "quote \" and back\\slash", "tab\tnew\nline\r",
            std::string("nul \0 and \x1f", 11), "backspace \b form feed \f \x7f",
            "0000019532a1b2c3-0000-abc", "😀 Đắk Lắk"};
        for (const auto &text : cases) {
            std::string out = "x";
            appendJsonString(out, text);
            QCOMPARE(out, "x" + nlohmann::json(text).dump());
            QCOMPARE(nlohmann::json::parse(out.substr(1)).get<std::string>(), text);
        }
    }

    void flatStrings_readAsTheJsonLibraryDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty object") << "{}";
        QTest::newRow("empty list") << " [ ] ";
        QTest::newRow("stamps") << "{\"full_name\":\"0000019532a1b2c3-0000-a1b2\",\"title\":\"x\"}";
        QTest::newRow("spaces") << " {\n \"a\" :\t\"b\" , \"c\":\"\"}\r\n";
        QTest::newRow("escapes") << "{\"q\\\"k\":\"back\\\\slash \\/ \\b\\f\\n\\r\\t\"}";
        QTest::newRow("utf-8") << "{\"ghi_chu\":\"Đắk Lắk 😀\"}";
        QTest::newRow("pending") << "[\"full_name\",\"deleted\",\"title\"]";
        QTest::newRow("duplicate keys") << "{\"a\":\"1\",\"a\":\"2\"}";
    }
    void flatStrings_readAsTheJsonLibraryDoes()
    {
        QFETCH(QString, text);
        const std::string t = text.toStdString();
        std::vector<std::pair<std::string, std::string>> got;
        const nlohmann::json j = nlohmann::json::parse(t);
        QVERIFY(readFlatStrings(t, j.is_array() ? FlatJson::List : FlatJson::Object, got));
        // The other shape is not read.
        QVERIFY(!readFlatStrings(t, j.is_array() ? FlatJson::Object : FlatJson::List, got));
        got.clear();
        QVERIFY(readFlatStrings(t, j.is_array() ? FlatJson::List : FlatJson::Object, got));
        std::vector<std::pair<std::string, std::string>> want;
        if (j.is_array()) {
            for (const auto &item : j)
                want.emplace_back(item.get<std::string>(), std::string());
        } else {
            for (const auto &[k, v] : j.items())
                want.emplace_back(k, v.get<std::string>());
        }
        if (QTest::currentDataTag() != QString("duplicate keys")) {
            // nlohmann keeps members sorted by name; these cases are written sorted.
            QCOMPARE(got, want);
        } else {
            // The last of duplicate members wins, as in the library's tree.
            QCOMPARE(got.back(), want.back());
        }
    }

    void flatStrings_leaveEverythingElseToTheFullParser_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
            {"", "  ", "null", "\"a\"", "{\"a\":1}", "{\"a\":null}", "{\"a\":{\"b\":\"c\"}}",
                "[\"a\",[\"b\"]]", "{\"a\":\"\\u00e0\"}", "{\"a\":\"b\"} x", "{\"a\":\"b\",}",
                "{\"a\" \"b\"}", "{\"a\":\"b\"", "{\"a\":\"unterminated}", "[\"a\" \"b\"]",
                "{\"a\":\"raw\ttab\"}", "{\"a\":\"\\x\"}", "{\"a\":\"b\\\"}"})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }
    void flatStrings_leaveEverythingElseToTheFullParser()
    {
        QFETCH(QString, text);
        std::vector<std::pair<std::string, std::string>> got;
        QVERIFY(!readFlatStrings(text.toStdString(), FlatJson::Object, got));
        QVERIFY(!readFlatStrings(text.toStdString(), FlatJson::List, got));
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
