#!/usr/bin/env python3
"""Writes the contact interchange fixtures, byte for byte as the real programs write them.
The files are committed; this script documents how each was made (run it in this folder)."""
import base64

jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]) + bytes(range(0, 200)) + bytes([0xFF, 0xD9])
b64 = base64.b64encode(jpeg).decode()
open('photo.bin', 'wb').write(jpeg)


def fold(line, first=75):
    out = []
    b = line.encode()
    pos = 0
    limit = first
    while len(b) - pos > limit:
        cut = pos + limit
        while cut > pos and (b[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(b[pos:cut])
        pos = cut
        limit = 74
    out.append(b[pos:])
    return b"\r\n ".join(out).decode()


def qp(s):
    """Quoted-printable as Android writes it: every byte escaped, soft breaks "=" CRLF."""
    enc = ''.join('=%02X' % c for c in s.encode())
    lines = []
    while len(enc) > 72:
        cut = 72
        while enc[cut] != '=':
            cut -= 1
        lines.append(enc[:cut])
        enc = enc[cut:]
    lines.append(enc)
    return "=\r\n".join(lines)


# 1. iPhone vCard 3.0 export
ip = [
    "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.2//EN",
    "N:Tanaka;Hiroshi;;;", "FN:Hiroshi Tanaka", "ORG:JETRO;Investment Promotion Division;",
    "TITLE:Director", "item1.EMAIL;type=INTERNET;type=pref:h.tanaka@jetro.go.jp", "item1.X-ABLabel:_$!<Work>!$_",
    "TEL;type=CELL;type=VOICE;type=pref:+81 90-1234-5678", "TEL;type=WORK;type=VOICE:+81 3 3582 5511",
    "item2.ADR;type=WORK;type=pref:;;Ark Mori Building\\, 1-12-32 Akasaka;Minato-ku;Tokyo;107-6006;Japan",
    "item2.X-ABADR:jp", "item3.URL;type=pref:https://www.jetro.go.jp", "item3.X-ABLabel:_$!<HomePage>!$_",
    fold("NOTE:Met at the Vietnam-Japan investment seminar\\, Tokyo 2026.\\nInterested in the Vũng Áng economic zone; wants a site visit in Q3."),
    fold("PHOTO;ENCODING=b;TYPE=JPEG:" + b64),
    "REV:2026-03-12T08:15:00Z", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.2//EN",
    "N:Trần;Hạnh;Thị;;", "FN:Trần Thị Hạnh", "ORG:Sở Ngoại vụ Hà Tĩnh;", "TITLE:Chuyên viên",
    "EMAIL;type=INTERNET;type=WORK:hanh.tt@hatinh.gov.vn", "TEL;type=CELL;type=VOICE:0912 345 678",
    "ADR;type=WORK:;;Số 1 Nguyễn Tất Thành;Hà Tĩnh;;;Việt Nam", "END:VCARD",
]
open('iphone-3.0.vcf', 'w', newline='').write("\r\n".join(ip) + "\r\n")

# 2. Android 2.1 export: quoted-printable Vietnamese with soft line breaks, 2.1 base64 photo
an = [
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Nguyễn") + ";" + qp("Văn An") + ";;;",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Nguyễn Văn An"),
    "TEL;CELL;PREF:+84912000111", "TEL;WORK:024 3826 1234", "EMAIL;HOME:an.nguyen@gmail.com",
    "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Công ty TNHH Thương mại Quốc tế Hà Tĩnh"),
    "TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Giám đốc"),
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;" + qp("12 Phan Đình Phùng") + ";" + qp("Hà Tĩnh") + ";;;" + qp("Việt Nam"),
    "PHOTO;ENCODING=BASE64;JPEG:" + b64[:60],
] + ["  " + b64[i:i + 60] for i in range(60, len(b64), 60)] + [
    "",
    "END:VCARD",
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Kim") + ";" + qp("Min-jun") + ";;;",
    "FN:Kim Min-jun", "TEL;CELL:+82 10-9876-5432", "EMAIL;WORK:minjun.kim@jeonbuk.go.kr",
    "ORG:Jeollabuk-do Provincial Government",
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;;" + qp("Jeonju") + ";;;" + qp("Hàn Quốc"),
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Tỉnh kết nghĩa từ 2011.\nLiên hệ qua ông Lee."),
    "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jun;1;;;;;;;;;;;;;", "END:VCARD",
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;" + qp("Khamphong Sisavath") + ";;;",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp("Khamphong Sisavath"),
    "TEL;CELL:+856 20 5555 1234", "ORG:Champasak Chamber of Commerce",
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;;Pakse;;;" + qp("Lào"), "END:VCARD",
]
open('android-2.1.vcf', 'w', newline='').write("\r\n".join(an) + "\r\n")

# 3. Outlook vCard 2.1: windows-1252 text, QP note and label with soft breaks, bare types
ol = [
    "BEGIN:VCARD", "VERSION:2.1", "N;LANGUAGE=en-us;CHARSET=Windows-1252:Dupont;François",
    "FN;CHARSET=Windows-1252:François Dupont",
    "ORG:Business France;Asie du Sud-Est", "TITLE:Conseiller export",
    "TEL;WORK;VOICE:+33 1 40 73 30 00", "TEL;CELL;VOICE:+33 6 12 34 56 78",
    "ADR;WORK;PREF:;;77 boulevard Saint-Jacques;Paris;;75014;France",
    "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:77 boulevard Saint-Jacques=0D=0A=",
    "Paris  75014=0D=0AFrance",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2", "URL;WORK:www.businessfrance.fr",
    "EMAIL;PREF;INTERNET:francois.dupont@businessfrance.fr",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Rencontr=E9 au salon Vietnam Expo, int=E9ress=E9 par le ca=",
    "f=E9 et la c=E9ramique.",
    "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards\" ver=\"1.0\"/>",
    "REV:20260412T101500Z", "END:VCARD",
]
open('outlook.vcf', 'wb').write(("\r\n".join(ol) + "\r\n").encode('cp1252'))

# 4. Google Contacts CSV (UTF-8, multi-line quoted note, " ::: " lists)
g = ('Name,Given Name,Additional Name,Family Name,Name Prefix,Name Suffix,Nickname,Birthday,Notes,Group Membership,'
     'E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,'
     'Address 1 - Type,Address 1 - Formatted,Address 1 - City,Address 1 - Country,Organization 1 - Type,'
     'Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value\r\n')
g += ('Lê Văn Dũng,Dũng,Văn,Lê,,,,,"Gặp tại Hội chợ Vietnam Expo 2026.\nQuan tâm: logistics, cảng Vũng Áng.",'
      '* myContacts ::: Đối tác Nhật,* Work,le.dung@vungang.vn ::: dung.lv@gmail.com,,,Mobile,+84 903 111 222,'
      ',,Hà Tĩnh,Việt Nam,,Công ty CP Cảng Vũng Áng,Phó Giám đốc,,\r\n')
g += ('Sato Yuki,Yuki,,Sato,,,,1980-05-04,,* myContacts,* Work,y.sato@toyota-tsusho.co.jp,,,Work,+81 52 584 5000,'
      'Work,"4-9-8 Meieki, Nakamura-ku\nNagoya",Nagoya,Nhật Bản,,Toyota Tsusho,Senior Manager,Profile,https://www.toyota-tsusho.com\r\n')
g += ('Bounmy Phommachanh,,,,,,,,,* myContacts,* Work,bounmy@laotel.la,,,Mobile,+856 20 2222 3333,'
      ',,Viêng Chăn,Lào,,Lao Telecom,,,\r\n')
g += ('Park Ji-sung,,,,,,,,,* myContacts,,,,,Mobile,+82 10 1111 2222,,,,"Korea, Republic of",,KOTRA,,,\r\n')
open('google.csv', 'w', newline='', encoding='utf-8').write(g)

# 5. Outlook CSV: windows-1252 with commas, and UTF-16LE with semicolons (European Outlook)
hdr = ["First Name", "Middle Name", "Last Name", "Title", "Suffix", "Company", "Department", "Job Title",
       "Business Street", "Business City", "Business State", "Business Postal Code", "Business Country/Region",
       "Business Fax", "Business Phone", "Mobile Phone", "E-mail Address", "E-mail Type", "E-mail Display Name",
       "Notes", "Web Page", "Categories", "Gender", "Priority", "Private", "Sensitivity"]
rows = [
    ["François", "", "Dupont", "M.", "", "Business France", "Asie", "Conseiller export", "77 bd Saint-Jacques", "Paris", "", "75014", "France",
     "+33 1 40 73 30 01", "+33 1 40 73 30 00", "+33 6 12 34 56 78", "francois.dupont@businessfrance.fr", "SMTP", "François Dupont (francois.dupont@businessfrance.fr)",
     "Rencontré à Vietnam Expo;\r\nintéressé par le café", "www.businessfrance.fr", "Partenaires;Europe", "Unspecified", "Normal", "False", "Normal"],
    ["Jürgen", "", "Müller", "Herr", "", "Siemens AG", "", "Vertriebsleiter", "Werner-von-Siemens-Str. 1", "München", "Bayern", "80333", "Germany",
     "", "+49 89 636 00", "", "juergen.mueller@siemens.com", "SMTP", "", "", "", "Partenaires", "Unspecified", "Normal", "False", "Normal"],
    ["John", "", "Smith", "Mr.", "", "Austrade", "", "Trade Commissioner", "", "", "", "", "Australia",
     "", "+61 2 6201 7300", "", "john.smith@austrade", "SMTP", "", "", "", "", "Unspecified", "Normal", "False", "Normal"],
    ["Ahmed", "", "Al Mansouri", "", "", "Dubai Chamber", "", "", "", "Dubai", "", "", "Emirate of Dubai",
     "", "+971 4 228 0000", "", "ahmed@dubaichamber.com", "SMTP", "", "", "", "", "Unspecified", "Normal", "False", "Normal"],
]


def csvline(fields, sep):
    out = []
    for f in fields:
        if any(c in f for c in (sep, '"', '\r', '\n')):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return sep.join(out)


text = "\r\n".join(csvline(r, ",") for r in [hdr] + rows) + "\r\n"
open('outlook-1252.csv', 'wb').write(text.encode('cp1252'))
text = "\r\n".join(csvline(r, ";") for r in [hdr] + rows) + "\r\n"
open('outlook-utf16.csv', 'wb').write(b'\xff\xfe' + text.encode('utf-16-le'))

# 6. Broken files
good = ["BEGIN:VCARD", "VERSION:3.0", "FN:Phạm Minh Tuấn", "ORG:Sở Công Thương Hà Tĩnh", "EMAIL:tuan.pm@hatinh.gov.vn", "END:VCARD"]
good2 = ["BEGIN:VCARD", "VERSION:3.0", "FN:Võ Thị Mai", "TEL:0987 654 321", "END:VCARD"]
open('truncated.vcf', 'w', newline='').write("\r\n".join(good + good2 + ["BEGIN:VCARD", "VERSION:3.0", "FN:Hoàng Văn", "TEL:09"]))
open('missing-end.vcf', 'w', newline='').write("\r\n".join(["BEGIN:VCARD", "VERSION:3.0", "FN:Đỗ Quang Huy", "TEL:0911 222 333"] + good2) + "\r\n")
bad_qp = ["BEGIN:VCARD", "VERSION:2.1", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=4E=67=75=79=E1=BB=G5=6E", "TEL;CELL:0912 000 999", "END:VCARD"]
open('bad-qp.vcf', 'w', newline='').write("\r\n".join(good + bad_qp + good2) + "\r\n")
garbage = bytes([0x00, 0x13, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(range(1, 255))
with open('garbage.vcf', 'wb') as f:
    f.write(("\r\n".join(good) + "\r\n").encode())
    f.write(garbage + b"\r\n" + garbage.replace(b'\n', b'') + b"\r\n")
    f.write(("\r\n".join(good2) + "\r\n").encode())
wrong = "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", "FN:José Müller", "ORG:Café Société GmbH", "NOTE:Größe 42", "END:VCARD"]) + "\r\n"
open('wrong-encoding.vcf', 'wb').write(wrong.encode('cp1252'))
bad_email = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ngô Thanh Long", "EMAIL;TYPE=WORK:long.nt at hatinh dot gov dot vn",
             "EMAIL:long.nt@hatinh.gov.vn", "TEL:call me", "END:VCARD"]
open('bad-email.vcf', 'w', newline='').write("\r\n".join(bad_email) + "\r\n")
bcsv = "Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name\r\n"
bcsv += "Đặng Thu Trang,trang.dt@hatinh.gov.vn,0913 111 000,Sở Ngoại vụ\r\n"
bcsv += ",,,\r\n"
bcsv += ",,,,\r\n"
bcsv += "Bùi Quốc Việt,viet@example,0913 222 000,Sở Tài chính,extra value\r\n"
bcsv += "Lý Hồng Nhung,\"nhung@example.com\r\n"
open('broken.csv', 'w', newline='', encoding='utf-8').write(bcsv)
