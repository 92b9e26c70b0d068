import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatVietnameseDate, splitIsoDate, todayInVietnam } from '../../core/dates.js';
import type { PetitionType } from '../../core/petition-deadlines.js';
import type { PetitionHandling } from './petitions.tables.js';

/**
 * The documents a handling decision sends out (Circular 05/2021/TT-TTCP):
 * the notice of acceptance or refusal, the guidance slip to the citizen, the
 * transfer slip to the competent body — and, for an over-level petition, the
 * slip that requires the commune to settle and report back. Laid out as an
 * administrative document (Decree 30/2020/NĐ-CP): the body and the national
 * motto side by side, number and date, title, text, recipients, signature.
 * The number is left for the office to fill in when it registers the
 * outgoing document.
 */

export interface DecisionDocumentInput {
  unit: { name: string; type: string };
  type: PetitionType;
  typeLabel: string;
  handling: PetitionHandling;
  decidedOn: string;
  receivedOn: string;
  subject: string;
  /** Null when the petitioner must not be named (a denouncer, on a slip to another body). */
  petitioner: { fullName: string; address: string | null } | null;
  transferredTo: string | null;
  note: string | null;
  /** For an accepted complaint or denunciation: the settlement period and its deadline. */
  settlement: { basis: string; dueOn: string } | null;
  /** For an over-level petition sent down: the commune that must settle it. */
  commune: { name: string; type: string } | null;
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const FONT = 'Times New Roman';

function centered(text: string, options: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: options.after ?? 0 },
    children: [new TextRun({ text, bold: options.bold, italics: options.italics, size: options.size ?? 26, font: FONT })],
  });
}

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 120, line: 320 },
    children: [new TextRun({ text, size: 28, font: FONT })],
  });
}

/** "Quỳnh Sơn" from "Xã Quỳnh Sơn": the place name a document is dated from. */
function placeName(unit: { name: string; type: string }): string {
  return unit.name.startsWith(`${unit.type} `) ? unit.name.slice(unit.type.length + 1) : unit.name;
}

function dateLine(unit: { name: string; type: string }, date: string): string {
  const { day, month, year } = splitIsoDate(date);
  return `${placeName(unit)}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`;
}

/** "xã Quỳnh Sơn" from "Xã Quỳnh Sơn": a unit's name as it reads inside a sentence. */
function inSentence(unit: { name: string; type: string }): string {
  return unit.name.startsWith(`${unit.type} `) ? `${unit.type.toLowerCase()}${unit.name.slice(unit.type.length)}` : unit.name;
}

function petitionerText(input: DecisionDocumentInput): string {
  if (!input.petitioner) return 'người tố cáo (thông tin được giữ bí mật theo Điều 47 Luật Tố cáo năm 2018)';
  return `ông (bà) ${input.petitioner.fullName}${input.petitioner.address ? `, địa chỉ: ${input.petitioner.address}` : ''}`;
}

interface Content {
  kind: string;
  title: string;
  about: string;
  addressee: string;
  paragraphs: string[];
}

function contentOf(input: DecisionDocumentInput): Content {
  const ubnd = `Ủy ban nhân dân ${inSentence(input.unit)}`;
  const communeUbnd = input.commune ? `Ủy ban nhân dân ${inSentence(input.commune)}` : 'Ủy ban nhân dân cấp xã';
  const received = `Ngày ${formatVietnameseDate(input.receivedOn)}, ${ubnd} nhận được đơn ${input.typeLabel.toLowerCase()} của ${petitionerText(input)}, về việc: ${input.subject}.`;
  const kindWord = input.type === 'khieu_nai' ? 'khiếu nại' : input.type === 'to_cao' ? 'tố cáo' : 'kiến nghị, phản ánh';
  const addressee = input.petitioner ? `Ông (bà) ${input.petitioner.fullName}` : '';
  switch (input.handling) {
    case 'accepted':
      return {
        kind: 'TB',
        title: 'THÔNG BÁO',
        about:
          input.type === 'khieu_nai' || input.type === 'to_cao' ? `Về việc thụ lý giải quyết ${kindWord}` : 'Về việc tiếp nhận, giải quyết kiến nghị, phản ánh',
        addressee,
        paragraphs: [
          received,
          input.type === 'khieu_nai'
            ? `Sau khi xem xét nội dung đơn, đối chiếu với quy định tại Điều 27 Luật Khiếu nại năm 2011, đơn khiếu nại đủ điều kiện thụ lý. ${ubnd} thụ lý giải quyết khiếu nại kể từ ngày ${formatVietnameseDate(input.decidedOn)}.`
            : input.type === 'to_cao'
              ? `Sau khi kiểm tra điều kiện thụ lý theo Điều 29 Luật Tố cáo năm 2018, ${ubnd} thụ lý tố cáo kể từ ngày ${formatVietnameseDate(input.decidedOn)}.`
              : `${ubnd} tiếp nhận và xem xét, giải quyết nội dung kiến nghị, phản ánh của ông (bà) theo thẩm quyền; kết quả sẽ được trả lời bằng văn bản.`,
          ...(input.settlement ? [`Thời hạn giải quyết: ${input.settlement.basis}; hạn cuối ngày ${formatVietnameseDate(input.settlement.dueOn)}.`] : []),
          ...(input.note ? [input.note] : []),
        ],
      };
    case 'not_accepted':
      return {
        kind: 'TB',
        title: 'THÔNG BÁO',
        about: `Về việc không thụ lý giải quyết ${kindWord}`,
        addressee,
        paragraphs: [
          received,
          `Sau khi xem xét, đơn không đủ điều kiện thụ lý${input.note ? ` vì: ${input.note}` : ''}. ${ubnd} thông báo để ông (bà) được biết.`,
        ],
      };
    case 'guided':
      return {
        kind: 'PHD',
        title: 'PHIẾU HƯỚNG DẪN',
        about: '',
        addressee,
        paragraphs: [
          received,
          `Nội dung đơn không thuộc thẩm quyền giải quyết của ${ubnd}. Đề nghị ông (bà) gửi đơn đến ${input.transferredTo ?? 'cơ quan có thẩm quyền'} để được xem xét, giải quyết theo quy định của pháp luật.`,
          ...(input.note ? [input.note] : []),
        ],
      };
    case 'transferred':
      return {
        kind: 'PC',
        title: 'PHIẾU CHUYỂN ĐƠN',
        about: '',
        addressee: input.transferredTo ?? 'Cơ quan có thẩm quyền',
        paragraphs: [
          received,
          `Căn cứ Thông tư số 05/2021/TT-TTCP, nội dung đơn thuộc thẩm quyền giải quyết của ${input.transferredTo ?? 'quý cơ quan'}; ${ubnd} chuyển đơn đến để xem xét, giải quyết theo thẩm quyền.`,
          ...(input.note ? [input.note] : []),
        ],
      };
    case 'referred_down':
      return {
        kind: 'PC',
        title: 'PHIẾU CHUYỂN ĐƠN',
        about: 'Yêu cầu giải quyết theo thẩm quyền và báo cáo kết quả',
        addressee: `Chủ tịch ${communeUbnd}`,
        paragraphs: [
          received,
          `Nội dung đơn thuộc thẩm quyền giải quyết của ${communeUbnd}. Căn cứ Điều 26 Luật Tiếp công dân năm 2013, đề nghị Chủ tịch ${communeUbnd} xem xét, giải quyết theo thẩm quyền và báo cáo kết quả về ${ubnd} trong thời hạn 07 ngày làm việc kể từ ngày có kết quả giải quyết.`,
          ...(input.note ? [input.note] : []),
        ],
      };
    case 'filed':
      return {
        kind: 'PĐX',
        title: 'PHIẾU ĐỀ XUẤT XỬ LÝ ĐƠN',
        about: '',
        addressee: `Chủ tịch ${ubnd}`,
        paragraphs: [received, `Đề xuất lưu đơn theo quy định tại Thông tư số 05/2021/TT-TTCP${input.note ? `, vì: ${input.note}` : ''}.`],
      };
  }
}

export async function buildDecisionDocument(input: DecisionDocumentInput): Promise<Buffer> {
  const content = contentOf(input);
  const upperUnit = input.unit.name.toUpperCase();
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [centered('ỦY BAN NHÂN DÂN'), centered(upperUnit, { bold: true, after: 120 }), centered(`Số: ……/${content.kind}-UBND`)],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
              centered('Độc lập - Tự do - Hạnh phúc', { bold: true, after: 120 }),
              centered(dateLine(input.unit, input.decidedOn), { italics: true }),
            ],
          }),
        ],
      }),
    ],
  });
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24, font: FONT })] }),
              new Paragraph({ children: [new TextRun({ text: `- ${content.addressee || 'Như trên'};`, size: 22, font: FONT })] }),
              new Paragraph({ children: [new TextRun({ text: '- Lưu: VT, hồ sơ đơn.', size: 22, font: FONT })] }),
            ],
          }),
          new TableCell({
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [centered('CHỦ TỊCH', { bold: true, after: 1200 }), centered('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, size: 22 })],
          }),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: 'Cán bộ xã',
    title: `${content.title} ${content.about}`.trim(),
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children: [
          header,
          new Paragraph({ spacing: { before: 240 } }),
          centered(content.title, { bold: true, size: 28 }),
          ...(content.about ? [centered(content.about, { bold: true, after: 240 })] : [new Paragraph({ spacing: { after: 240 } })]),
          ...(content.addressee ? [centered(`Kính gửi: ${content.addressee}`, { after: 240, size: 28 })] : []),
          ...content.paragraphs.map(body),
          new Paragraph({ spacing: { after: 240 } }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export function decisionDocumentName(handling: PetitionHandling, number: string, on: string = todayInVietnam()): string {
  const names: Record<PetitionHandling, string> = {
    accepted: 'Thông báo thụ lý',
    not_accepted: 'Thông báo không thụ lý',
    guided: 'Phiếu hướng dẫn',
    transferred: 'Phiếu chuyển đơn',
    referred_down: 'Phiếu chuyển đơn về xã',
    filed: 'Phiếu đề xuất lưu đơn',
  };
  return `${names[handling]} - đơn số ${number.replace('/', '-')} - ${on}.docx`;
}
