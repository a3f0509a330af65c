//! The command line's help in Vietnamese: each subcommand's and argument's text, laid over the English that
//! the `clap` definitions carry (kept as the `--lang en` help), and clap's own words (headings, `--help`,
//! usage errors) in Vietnamese.

use super::Lang;
use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// `(subcommand path, Vietnamese about)`; the path is the names from the top, space-separated.
const ABOUT: &[(&str, &str)] = &[
    ("", "Hội đồng thẩm định: chấm điểm, xếp loại và xếp hạng các cơ quan, đơn vị"),
    (
        "init",
        "Tạo kỳ đánh giá mới (chưa có đơn vị) theo một quy chế và một năm; với --from, tạo kỳ năm sau từ một kỳ trước: quy chế của kỳ đó (hoặc --regulation), đơn vị, người dùng và thiết lập, không có điểm, ghi nhận mức xếp loại của kỳ đó",
    ),
    (
        "submit",
        "Nộp bản tự đánh giá của đơn vị: ngày tập thể lãnh đạo thông qua và số biên bản; hoặc, với --reopen, mở lại bản đã nộp (Thư ký, kèm --unit và --reason)",
    ),
    ("round", "Hạn nộp và thời gian thẩm định của kỳ đánh giá, và các đơn vị đã nộp"),
    (
        "round set",
        "Đặt hạn nộp và/hoặc thời gian thẩm định (ngày làm việc từ ngày nhận hồ sơ); không từ chối theo ngày: nộp muộn vẫn được nhận và ghi là nộp muộn",
    ),
    (
        "round paper",
        "Đặt số văn bản, họ tên người ký và/hoặc ngày ban hành của một văn bản, in thay cho dòng chấm chấm (dấu - để xóa); export verify dựng lại văn bản với chúng",
    ),
    ("round show", "Hạn nộp, số ngày còn lại, thời gian thẩm định, và việc nộp của từng đơn vị"),
    (
        "result",
        "Kết quả của một đơn vị khi khối đã được phê duyệt: tổng điểm, mức xếp loại, lý do, từng tiêu chí bị trừ điểm kèm lý do",
    ),
    (
        "import",
        "Nhập tệp CSV (UTF-8, dòng tiêu đề, cột theo tên) hoặc biểu chấm điểm đã điền (.xlsx); một dòng sai thì không thay đổi gì",
    ),
    (
        "export",
        "Xuất bảng tính (.xlsx), văn bản (.docx) và trang công bố để in, ký và lưu, hoặc kiểm tra một tệp đã xuất với mã băm của nó",
    ),
    ("export sheet", "Biểu chấm điểm của một đơn vị, hoặc của mọi đơn vị (mỗi đơn vị một trang) trong một tệp"),
    ("export ranking", "Kết quả của Hội đồng: xếp hạng từng khối, danh sách theo mức, việc thẩm định của từng cơ quan"),
    ("export verify", "Tính lại mã băm nội dung của một bảng tính đã xuất; với --db, so với bản xuất làm lại bây giờ"),
    ("export report", "Báo cáo kết quả thẩm định của Hội đồng (.docx)"),
    ("export proposal", "Tờ trình đề nghị công nhận kết quả (.docx)"),
    ("export decision", "Dự thảo Quyết định công nhận kết quả, kèm phụ lục (.docx)"),
    ("export minutes", "Biên bản họp Hội đồng thẩm định (.docx)"),
    ("export notice", "Thông báo kết quả cho một đơn vị, hoặc cho mọi đơn vị vào một thư mục (.docx)"),
    ("export publication", "Trang công bố kết quả các khối đã phê duyệt: một tệp HTML tự chứa"),
    ("tie", "Ghi thứ tự của một nhóm bằng điểm do Chủ tịch Hội đồng quyết định"),
    (
        "approve",
        "Phê duyệt kết quả một khối (bị từ chối khi còn bằng điểm hoặc tiêu chí chưa thẩm định); sau đó kết quả bị khóa",
    ),
    ("rank", "In xếp hạng của mọi khối"),
    ("demo", "Tạo kỳ đánh giá với dữ liệu tổng hợp tái lập được (đánh dấu là dữ liệu minh họa)"),
    (
        "regulations",
        "Liệt kê các quy chế có thể dùng để tạo kỳ đánh giá, kèm tên; `show MÃ` in khung tiêu chí của một quy chế",
    ),
    (
        "regulations show",
        "In khung tiêu chí của một quy chế: mọi nội dung, tiêu chí và tiêu chí thành phần với mã và điểm",
    ),
    (
        "regulations check",
        "Kiểm tra một thư mục quy chế mà không tạo kỳ đánh giá: mọi lỗi cùng lúc (tệp, dòng, khóa), hoặc bản tóm tắt để đối chiếu với văn bản",
    ),
    ("user", "Người dùng của Hội đồng: ai được mở phiên làm việc, với vai trò nào"),
    ("user add", "Thêm một người dùng của Hội đồng, hoặc cán bộ đầu mối của một đơn vị (vai trò unit, kèm --unit MÃ)"),
    ("user list", "Liệt kê người dùng của Hội đồng (đánh dấu người đã xóa)"),
    ("user remove", "Xóa một người dùng: phiên làm việc của họ bị từ chối; nhật ký vẫn giữ tên"),
    ("audit", "Nhật ký: kiểm tra chuỗi mã băm, hoặc in lịch sử"),
    (
        "audit verify",
        "Tính lại chuỗi mã băm; báo dòng hỏng đầu tiên nếu có dòng bị sửa hay xóa, rồi so mọi bảng với nhật ký",
    ),
    ("audit log", "In lịch sử, cũ nhất trước"),
    (
        "backup",
        "Bản sao đã kiểm tra của cơ sở dữ liệu trong khi các phiên vẫn mở (không bao giờ tự chép tay một cơ sở dữ liệu đang dùng)",
    ),
    (
        "exceed-quota",
        "Xếp loại Hoàn thành xuất sắc ngoài tỷ lệ cho một đơn vị, nơi quy chế cho Chủ tịch quyết định: Chủ tịch Hội đồng, một lý do; đơn vị đủ mọi điều kiện Hoàn thành xuất sắc trừ chỉ tiêu",
    ),
    ("rerate", "Xếp loại lại một đơn vị của khối đã phê duyệt: Chủ tịch Hội đồng, một lý do, một thay đổi"),
];

/// `(subcommand path, argument id, Vietnamese help)`; an empty path: the top level's (global) arguments.
const ARGS: &[(&str, &str, &str)] = &[
    ("", "db", "Tệp cơ sở dữ liệu của kỳ đánh giá (không có lệnh con: cơ sở dữ liệu minh họa)"),
    (
        "",
        "user",
        "Làm việc với tư cách người dùng này của Hội đồng (vai trò quyết định được ghi gì; nhật ký ghi tên). Không có: lệnh con chạy bằng tài khoản dịch vụ `admin`, giao diện chỉ mở dữ liệu minh họa",
    ),
    ("", "lang", "Ngôn ngữ của thông báo: vi (mặc định) hoặc en"),
    ("init", "regulation", "Mã quy chế (xem `thamdinh regulations`)"),
    ("regulations show", "id", "Mã quy chế (xem `thamdinh regulations`)"),
    ("init", "year", "Năm đánh giá"),
    ("init", "from", "Cơ sở dữ liệu của kỳ trước (chỉ đọc)"),
    ("submit", "unit", "Mã đơn vị (cán bộ đầu mối nộp cho đơn vị mình; Thư ký nêu mã đơn vị)"),
    ("submit", "approved_on", "Ngày tập thể lãnh đạo đơn vị thông qua bản tự đánh giá (dd/mm/yyyy hoặc yyyy-mm-dd)"),
    ("submit", "minutes", "Số biên bản họp tập thể lãnh đạo"),
    ("submit", "reopen", "Mở lại bản tự đánh giá đã nộp để đơn vị sửa tiếp"),
    ("submit", "reason", "Lý do mở lại (ghi vào nhật ký)"),
    (
        "submit",
        "received",
        "Ngày nhận hồ sơ giấy (dd/mm/yyyy hoặc yyyy-mm-dd, không sau hôm nay; Thư ký hoặc Chủ tịch Hội đồng): ngày nộp, căn cứ xét nộp muộn. Không có: hôm nay",
    ),
    ("round set", "deadline", "dd/mm/yyyy hoặc yyyy-mm-dd: các đơn vị nộp trước ngày này"),
    ("round set", "appraisal_days", "Thời gian thẩm định, tính bằng ngày làm việc từ ngày nhận hồ sơ"),
    ("round paper", "kind", "Văn bản: report, proposal, decision, minutes, notice"),
    ("round paper", "number", "Chỉ phần số (125): văn bản tự viết 125/BC-HĐTĐ"),
    ("round paper", "signer", "Họ và tên người ký"),
    ("round paper", "issued", "Ngày ban hành (dd/mm/yyyy hoặc yyyy-mm-dd)"),
    ("round show", "json", "Dạng JSON (định dạng các kịch bản dựa vào)"),
    ("result", "unit", "Mã đơn vị (cán bộ đầu mối xem đơn vị mình)"),
    ("result", "json", "Dạng JSON (định dạng các kịch bản dựa vào)"),
    ("import", "kind", "Loại tệp: units, scores, grades, facts, evidence, sheet"),
    ("import", "file", "Tệp cần nhập"),
    ("export sheet", "unit", "Mã đơn vị; không có: mọi đơn vị của kỳ đánh giá"),
    (
        "export sheet",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export sheet", "force", "Ghi đè FILE nếu đã có"),
    (
        "export ranking",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export ranking", "force", "Ghi đè FILE nếu đã có"),
    ("export verify", "file", "Bảng tính hoặc văn bản (.docx) đã xuất"),
    (
        "export report",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export report", "force", "Ghi đè FILE nếu đã có"),
    (
        "export proposal",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export proposal", "force", "Ghi đè FILE nếu đã có"),
    (
        "export decision",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export decision", "force", "Ghi đè FILE nếu đã có"),
    (
        "export minutes",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export minutes", "force", "Ghi đè FILE nếu đã có"),
    (
        "export notice",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export notice", "force", "Ghi đè FILE nếu đã có"),
    (
        "export publication",
        "out",
        "Tệp mới (tệp đã có bị từ chối nếu không có --force; tệp cơ sở dữ liệu thì luôn bị từ chối)",
    ),
    ("export publication", "force", "Ghi đè FILE nếu đã có"),
    ("export notice", "unit", "Mã đơn vị"),
    ("export notice", "all", "Mọi đơn vị, mỗi đơn vị một tệp, vào thư mục --out"),
    ("tie", "bloc", "Mã khối"),
    ("tie", "order", "Các đơn vị của nhóm bằng điểm, đơn vị xếp trên trước: U1,U2,…"),
    ("approve", "bloc", "Mã khối"),
    ("rank", "json", "Dạng JSON (định dạng các kịch bản dựa vào)"),
    ("demo", "regulation", "Mã quy chế (mặc định thai-nguyen-2024)"),
    ("regulations check", "dir", "Thư mục của một quy chế (có regulation.toml ở trên cùng)"),
    ("demo", "year", "Năm đánh giá (mặc định 2024)"),
    ("demo", "units", "Số đơn vị tổng hợp (1 đến 10000) chia vào các khối; không có: các đơn vị quy chế nêu tên"),
    ("demo", "seed", "Hạt giống của bộ sinh số ngẫu nhiên (mặc định 2024)"),
    ("user add", "name", "Tên đăng nhập (chữ thường không dấu, chữ số, '-', '_', '.')"),
    (
        "user add",
        "role",
        "Vai trò: member, assistant, leader, secretary, chairman, hoặc unit: cán bộ đầu mối của đơn vị",
    ),
    ("user add", "unit", "Đơn vị của cán bộ đầu mối (vai trò unit)"),
    ("user add", "agency", "Cơ quan thẩm định của thành viên hoặc Tổ giúp việc (xem các cơ quan của quy chế)"),
    ("user add", "full_name", "Họ và tên, như in trên giấy tờ của Hội đồng"),
    ("user remove", "name", "Tên đăng nhập"),
    (
        "audit verify",
        "head",
        "Mã nhật ký đã ghi ngoài cơ sở dữ liệu (Nhật ký đã in, mã `approve` đã in): phải có trong chuỗi, chứng minh không có gì đến đó bị sửa hay xóa",
    ),
    ("audit log", "unit", "Mã đơn vị"),
    ("audit log", "criterion", "Một tiêu chí (gồm cả các tiêu chí thành phần của nó) hoặc một tiêu chí thành phần"),
    ("rerate", "unit", "Mã đơn vị"),
    ("exceed-quota", "unit", "Mã đơn vị"),
    ("exceed-quota", "reason", "Lý do quyết định ngoài tỷ lệ (với --undo: lý do rút quyết định)"),
    ("exceed-quota", "undo", "Rút quyết định ngoài tỷ lệ, khi khối chưa được phê duyệt"),
    ("rerate", "reason", "Vi phạm hoặc khuyết điểm phát hiện"),
    ("rerate", "criterion", "Một tiêu chí thành phần (với --score) hoặc một tiêu chí (với --grade)"),
    ("rerate", "score", "Điểm thẩm định mới"),
    ("rerate", "grade", "Xếp loại mới: excellent, good, average, poor"),
    ("rerate", "fact", "Tên sự kiện (với --value), ví dụ discipline"),
    ("rerate", "value", "Giá trị mới của sự kiện"),
    ("backup", "out", "Tệp mới (không bao giờ là tệp đã có, cơ sở dữ liệu hay các tệp đi kèm của nó)"),
    (
        "rerate",
        "tie",
        "Khi tổng điểm mới bằng đơn vị khác: before (xếp trên) hoặc after (xếp dưới), do Chủ tịch quyết định",
    ),
];

/// The placeholders of argument values (`--db <PATH>`) and of the usage line, in Vietnamese; a name not here
/// (a format such as `YYYY`, a letter such as `N`) stays as written.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("PATH", "TỆP"),
    ("FILE", "TỆP"),
    ("OLD", "TỆP_KỲ_TRƯỚC"),
    ("NAME", "TÊN"),
    ("FULL_NAME", "HỌ_TÊN"),
    ("CODE", "MÃ"),
    ("ID", "MÃ"),
    ("UNIT", "ĐƠN_VỊ"),
    ("BLOC", "KHỐI"),
    ("AGENCY", "CƠ_QUAN"),
    ("CRITERION", "TIÊU_CHÍ"),
    ("REASON", "LÝ_DO"),
    ("ROLE", "VAI_TRÒ"),
    ("GRADE", "XẾP_LOẠI"),
    ("SCORE", "ĐIỂM"),
    ("FACT", "SỰ_KIỆN"),
    ("VALUE", "GIÁ_TRỊ"),
    ("KIND", "LOẠI"),
    ("ORDER", "THỨ_TỰ"),
    ("HASH", "MÃ_BĂM"),
    ("NUMBER", "SỐ"),
    ("DATE", "NGÀY"),
    ("YYYY", "NĂM"),
    ("N", "SỐ"),
    ("S", "SỐ"),
];

/// The usage line's own words in Vietnamese (`[OPTIONS]`, `<COMMAND>`).
const USAGE_WORDS: &[(&str, &str)] = &[("[OPTIONS]", "[TÙY_CHỌN]"), ("<COMMAND>", "<LỆNH>"), ("[COMMAND]", "[LỆNH]")];

/// The command as people of `lang` read it: Vietnamese texts laid over the English ones, or the English as
/// written (with the top-level description in English).
pub fn localize(command: Command, lang: Lang) -> Command {
    let mut command = command;
    command.build();
    match lang {
        Lang::En => command.about("Appraisal council: scores, classifies and ranks the provincial agencies and units"),
        Lang::Vi => vietnamese(command, ""),
    }
}

fn vietnamese(command: Command, path: &str) -> Command {
    let about = ABOUT.iter().find(|(p, _)| *p == path).map(|(_, text)| *text);
    let mut command = command
        .help_template("{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Lệnh")
        .mut_args(|arg| {
            let id = arg.get_id().as_str().to_string();
            // A global argument (`--db`, `--user`, `--lang`) is worded once, at the top.
            let help = ARGS
                .iter()
                .find(|(p, a, _)| *p == path && *a == id)
                .or_else(|| ARGS.iter().find(|(p, a, _)| p.is_empty() && *a == id))
                .map(|(_, _, text)| *text);
            let heading = if arg.is_positional() { "Tham số" } else { "Tùy chọn" };
            // The English descriptions of possible values stay out: the Vietnamese help names the values.
            let arg =
                arg.help_heading(heading).long_help(None::<&str>).hide_possible_values(true).hide_default_value(true);
            let arg = vietnamese_placeholders(arg);
            match (id.as_str(), help) {
                (_, Some(text)) => arg.help(text),
                ("help", None) => arg.help("In trợ giúp"),
                ("version", None) => arg.help("In phiên bản"),
                _ => arg,
            }
        })
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            let child = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
            if name == "help" {
                let sub = sub
                    .about("In trợ giúp của lệnh này hoặc của các lệnh con đã nêu")
                    .help_template("{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}");
                return vietnamese_usage(sub);
            }
            vietnamese(sub, &child)
        });
    if let Some(about) = about {
        command = command.about(about).long_about(None::<&str>);
    }
    vietnamese_usage(command)
}

/// An argument's value placeholders in Vietnamese (`<PATH>` reads `<TỆP>`).
fn vietnamese_placeholders(arg: clap::Arg) -> clap::Arg {
    let Some(names) = arg.get_value_names().map(<[clap::builder::Str]>::to_vec) else {
        return arg;
    };
    let worded: Vec<clap::builder::Str> = names
        .into_iter()
        .map(|name| PLACEHOLDERS.iter().find(|(en, _)| *en == name.as_str()).map_or(name, |(_, vi)| (*vi).into()))
        .collect();
    arg.value_names(worded)
}

/// The usage line clap writes, with its own English words (`[OPTIONS]`, `<COMMAND>`) in Vietnamese.
fn vietnamese_usage(mut command: Command) -> Command {
    let usage = command.render_usage().to_string();
    let mut usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
    for (en, vi) in USAGE_WORDS {
        usage = usage.replace(en, vi);
    }
    command.override_usage(usage)
}

/// A usage error (an unknown argument, a missing one, a bad value) in Vietnamese; clap's own text for English.
pub fn usage_error(error: &clap::Error, lang: Lang) -> String {
    // English, and a missing subcommand (which shows the command's help, already in `lang`): clap's text.
    if lang == Lang::En || error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return error.render().to_string();
    }
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let valid = context(ContextKind::ValidValue);
    let sentence = match error.kind() {
        ErrorKind::InvalidValue if !valid.is_empty() => {
            format!("giá trị {value:?} không hợp lệ cho {arg}; giá trị được nhận: {valid}")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!("giá trị {value:?} không hợp lệ cho {arg}"),
        ErrorKind::UnknownArgument => format!("không có tham số {arg}"),
        // clap names the unknown subcommand in its own context (the value is empty then).
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand);
            format!("không có lệnh {}", if name.is_empty() { value } else { name })
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}"),
        ErrorKind::MissingSubcommand => "cần một lệnh con".to_string(),
        ErrorKind::ArgumentConflict => {
            format!("{arg} không dùng cùng {}", context(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("số giá trị cho {arg} không đúng")
        }
        ErrorKind::NoEquals => format!("{arg} cần dấu = trước giá trị"),
        ErrorKind::InvalidUtf8 => "tham số không phải UTF-8".to_string(),
        _ => "dòng lệnh không hợp lệ".to_string(),
    };
    format!("thamdinh: lỗi dòng lệnh: {sentence}; xem `thamdinh --help`\n")
}
