/**
 * Corpus cases that are no .xlsx at all: an .xls (as it is and renamed), a CSV renamed, a truncated
 * and an encrypted .xlsx, a zip that holds no workbook. Each gives exit status 2 and one line.
 */
import type { CorpusCase } from "../case";
import { district } from "../data";
import {
  bytesOf,
  csvBytes,
  encryptedXlsxBytes,
  workbookOf,
  xlsBytes,
  zipWithoutWorkbook,
} from "../write";

export const FILE_CASES: readonly CorpusCase[] = [
  {
    file: "an-xls-file.xls",
    expected: {
      about: "an Excel 97–2003 file",
      exit: 2,
      fileProblem: "xls",
    },
    build: async () => xlsBytes(),
  },
  {
    file: "an-xls-file-renamed.xlsx",
    expected: {
      about: "an Excel 97–2003 file renamed to .xlsx",
      exit: 2,
      fileProblem: "xls",
    },
    build: async () => xlsBytes(),
  },
  {
    file: "a-csv-renamed.xlsx",
    expected: {
      about: "a CSV file renamed to .xlsx",
      exit: 2,
      fileProblem: "csv",
    },
    build: async () => csvBytes(),
  },
  {
    file: "a-truncated.xlsx",
    expected: {
      about: "an .xlsx cut off after 60% of its bytes",
      exit: 2,
      fileProblem: "corrupt",
    },
    build: async () => {
      const whole = await bytesOf(workbookOf(district()));
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
  },
  {
    file: "an-encrypted.xlsx",
    expected: {
      about: "a password-protected .xlsx (a compound file with EncryptionInfo)",
      exit: 2,
      fileProblem: "encrypted",
    },
    build: async () => encryptedXlsxBytes(),
  },
  {
    file: "a-zip-without-a-workbook.xlsx",
    expected: {
      about: "a zip file that holds no workbook",
      exit: 2,
      fileProblem: "not-xlsx",
    },
    build: zipWithoutWorkbook,
  },
];
