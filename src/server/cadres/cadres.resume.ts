import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatVietnameseDate, todayInVietnam } from '../../core/dates.js';
import type { presentProfile } from './cadres.presenter.js';
import type { StudyMode } from './cadres.tables.js';

export type CadreProfile = ReturnType<typeof presentProfile>;

const HIDDEN = '***';
const BLANK = '……………';

const STUDY_MODE_LABELS: Record<StudyMode, string> = {
  chinh_quy: 'Chính quy',
  tai_chuc: 'Tại chức',
  vua_lam_vua_hoc: 'Vừa làm vừa học',
  tu_xa: 'Từ xa',
  lien_thong: 'Liên thông',
  van_bang_hai: 'Văn bằng hai',
  khac: 'Khác',
};

const KIND_LABELS: Record<CadreProfile['qualifications'][number]['kind'], string> = {
  professional: 'Chuyên môn',
  political_theory: 'Lý luận chính trị',
  state_management: 'Quản lý nhà nước',
  it: 'Tin học',
  foreign_language: 'Ngoại ngữ',
};

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function line(label: string, value: string | null | undefined): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    children: [new TextRun({ text: `${label}: ` }), new TextRun({ text: value && value !== '' ? value : BLANK, bold: true })],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true })] });
}

function cell(text: string, options: { bold?: boolean; widthPercent?: number } = {}): TableCell {
  return new TableCell({
    width: options.widthPercent ? { size: options.widthPercent, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold ?? false })] })],
  });
}

function gridTable(headers: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { bold: true, widthPercent: widths[i] })) }),
      ...(rows.length > 0 ? rows : [headers.map(() => '')]).map((r) => new TableRow({ children: r.map((text, i) => cell(text, { widthPercent: widths[i] })) })),
    ],
  });
}

function vietnameseDate(date: string | null, precision: 'day' | 'year' | null): string | null {
  return date === null ? null : formatVietnameseDate(date, precision ?? 'day');
}

function monthYear(date: string, precision: 'day' | 'year'): string {
  return precision === 'year' ? date.slice(0, 4) : `${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function birthLine(profile: CadreProfile): string {
  if (!profile.birthDate) return BLANK;
  const [year, month, day] = profile.birthDate.split('-');
  return profile.birthDatePrecision === 'year' ? `năm ${year}` : `ngày ${day} tháng ${month} năm ${year}`;
}

function postLine(post: CadreProfile['postHistory'][number]): string {
  const extras = [post.term ? `nhiệm kỳ ${post.term}` : null, post.concurrent ? 'kiêm nhiệm' : null].filter((x) => x !== null);
  return `${post.title.name} ${post.unit.name}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/**
 * Sơ yếu lý lịch in the layout of the standard form 2C (Decision
 * 02/2008/QĐ-BNV): header, personal data, education and training, and the
 * summary of posts held. Personal data the reader may not see is printed as
 * "***".
 */
export async function buildResume(profile: CadreProfile, photo: { content: Buffer; mediaType: 'image/jpeg' | 'image/png' } | null): Promise<Buffer> {
  const hidden = profile.sensitiveHidden;
  const photoParagraph = photo
    ? new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: photo.mediaType === 'image/png' ? 'png' : 'jpg',
            data: photo.content,
            transformation: { width: 113, height: 151 },
            altText: { name: 'Ảnh', description: `Ảnh ${profile.fullName}`, title: 'Ảnh 4x6' },
          }),
        ],
      })
    : new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 600, after: 600 },
        children: [new TextRun({ text: 'Ảnh màu (4 x 6 cm)', italics: true })],
      });

  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 70, type: WidthType.PERCENTAGE },
            children: [
              line('Cơ quan, đơn vị có thẩm quyền quản lý', profile.owningUnit?.name ?? ''),
              line('Cơ quan, đơn vị sử dụng', profile.posts[0]?.unit.name ?? profile.owningUnit?.name ?? ''),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: 240 },
                children: [new TextRun({ text: 'SƠ YẾU LÝ LỊCH', bold: true, size: 32 })],
              }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'CÁN BỘ, CÔNG CHỨC', bold: true })] }),
            ],
          }),
          new TableCell({
            width: { size: 30, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Mẫu 2C', italics: true })] }), photoParagraph],
          }),
        ],
      }),
    ],
  });

  const levels = profile.levels;
  const professionalMajor = profile.qualifications.find(
    (q) => q.kind === 'professional' && q.obtainedByAsOf && q.level.code === levels.professional?.code && q.major,
  )?.major;
  const professional = levels.professional ? `${levels.professional.label}${professionalMajor ? `, chuyên ngành ${professionalMajor}` : ''}` : null;
  const currentPosts = profile.posts.map(postLine).join('; ');

  const personal = [
    line('1) Họ và tên khai sinh (viết chữ in hoa)', profile.fullName.toLocaleUpperCase('vi')),
    line('2) Sinh', `${birthLine(profile)}; giới tính: ${profile.gender === 'nam' ? 'Nam' : profile.gender === 'nu' ? 'Nữ' : BLANK}`),
    line('3) Quê quán', profile.homeTown),
    line('4) Dân tộc', hidden ? HIDDEN : profile.ethnicity?.name),
    line('5) Tôn giáo', hidden ? HIDDEN : (profile.religion ?? 'Không')),
    line('6) Số định danh cá nhân', profile.personalId),
    line('7) Điện thoại, thư điện tử', [profile.phone, profile.email].filter((x) => x).join(', ')),
    line('8) Chức vụ (chức danh) hiện tại', currentPosts),
    line('9) Ngày vào Đảng Cộng sản Việt Nam', vietnameseDate(profile.partyJoinedOn, profile.partyJoinedPrecision)),
    new Paragraph({ spacing: { after: 80 }, children: [new TextRun('10) Trình độ:')] }),
    line('  10.1- Trình độ chuyên môn cao nhất', professional),
    line('  10.2- Lý luận chính trị', levels.politicalTheory?.label),
    line('  10.3- Quản lý nhà nước', levels.stateManagement?.label),
    line('  10.4- Ngoại ngữ', levels.foreignLanguage?.label),
    line('  10.5- Tin học', levels.it?.label),
    line('11) Kỷ luật', hidden ? HIDDEN : (profile.discipline ?? 'Không')),
  ];

  const training = gridTable(
    ['Tên trường, cơ sở đào tạo', 'Chuyên ngành đào tạo, bồi dưỡng', 'Thời gian (tháng/năm)', 'Hình thức đào tạo', 'Văn bằng, chứng chỉ, trình độ'],
    [26, 22, 14, 14, 24],
    profile.qualifications.map((q) => [
      q.institution ?? '',
      q.major ?? (q.kind === 'professional' ? '' : KIND_LABELS[q.kind]),
      q.obtainedOn ? monthYear(q.obtainedOn, q.obtainedPrecision ?? 'day') : '',
      q.studyMode ? STUDY_MODE_LABELS[q.studyMode] : '',
      `${KIND_LABELS[q.kind]}: ${q.level.label}${q.language ? ` (${q.language})` : ''}`,
    ]),
  );

  const career = gridTable(
    ['Từ tháng, năm đến tháng, năm', 'Chức danh, chức vụ, đơn vị công tác'],
    [25, 75],
    [...profile.postHistory]
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
      .map((post) => [`${monthYear(post.startDate, post.startDatePrecision)} – ${post.endDate ? monthYear(post.endDate, 'day') : 'nay'}`, postLine(post)]),
  );

  const [year, month, day] = todayInVietnam().split('-');
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: 240 },
                children: [new TextRun({ text: 'Thủ trưởng cơ quan, đơn vị quản lý', bold: true })],
              }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '(Ký tên, đóng dấu)', italics: true })] }),
            ],
          }),
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: 240 },
                children: [new TextRun({ text: `Ngày ${day} tháng ${month} năm ${year}`, italics: true })],
              }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Người khai', bold: true })] }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: 'Tôi xin cam đoan những lời khai trên đây là đúng sự thật', italics: true })],
              }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '(Ký tên, ghi rõ họ tên)', italics: true })] }),
              new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 720 }, children: [new TextRun({ text: profile.fullName, bold: true })] }),
            ],
          }),
        ],
      }),
    ],
  });

  const document = new Document({
    title: `Sơ yếu lý lịch – ${profile.fullName}`,
    creator: 'Cán bộ xã',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header,
          ...personal,
          heading('ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC'),
          training,
          heading('TÓM TẮT QUÁ TRÌNH CÔNG TÁC'),
          career,
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
