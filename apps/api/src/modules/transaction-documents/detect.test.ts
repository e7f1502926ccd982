import { describe, expect, it } from "vitest";
import {
  sampleCfb,
  sampleDocx,
  sampleExe,
  sampleHeic,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleWebp,
  sampleXlsx,
  zip,
} from "../../../test/files.ts";
import { detectDocumentType } from "./detect.ts";

describe("detectDocumentType", () => {
  it.each([
    ["pdf", samplePdf(), "pdf", "application/pdf", "pdf"],
    ["png", samplePng(), "png", "image/png", "image"],
    ["jpg", sampleJpeg(), "jpg", "image/jpeg", "image"],
    ["webp", sampleWebp(), "webp", "image/webp", "image"],
    ["heic", sampleHeic(), "heic", "image/heic", "image"],
    [
      "docx",
      sampleDocx(),
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "word",
    ],
    [
      "xlsx",
      sampleXlsx(),
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "excel",
    ],
    ["doc", sampleCfb(), "doc", "application/msword", "word"],
    ["xls", sampleCfb(), "xls", "application/vnd.ms-excel", "excel"],
    ["txt", Buffer.from("Bonjour, ça va ?\n"), "txt", "text/plain", "autre"],
    ["csv", Buffer.from("nom;prix\nCôté;450000\n"), "csv", "text/csv", "autre"],
  ])("accepts %s from its bytes", async (extension, bytes, ext, mime, type) => {
    const detected = await detectDocumentType(bytes, extension);
    expect(detected).toMatchObject({ ext, mime, type });
  });

  it("ignores a misleading extension: a PNG named .pdf is an image", async () => {
    expect(await detectDocumentType(samplePng(), "pdf")).toMatchObject({ mime: "image/png" });
  });

  it.each([
    ["a renamed executable", sampleExe(), "pdf"],
    ["an executable named .txt", sampleExe(), "txt"],
    ["a plain zip", zip([["a.txt", "x"]]), "docx"],
    ["a compound file that is not .doc/.xls (an .msi)", sampleCfb(), "msi"],
    ["text with NUL bytes", Buffer.from("abc\0def"), "txt"],
    ["text under another extension", Buffer.from("#!/bin/sh\nrm -rf /\n"), "sh"],
    ["an SVG image (scriptable)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "svg"],
  ])("refuses %s with 415", async (_label, bytes, extension) => {
    await expect(detectDocumentType(bytes, extension)).rejects.toMatchObject({
      statusCode: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
  });
});
