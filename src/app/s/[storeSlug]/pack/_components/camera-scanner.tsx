"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (options?: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

const FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "itf", "qr_code", "data_matrix"];

/** The browser's own BarcodeDetector where it has one; the ZXing decoder (WebAssembly, served by this app) otherwise. */
async function makeDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (native) {
    const supported = (await native.getSupportedFormats?.().catch(() => [])) ?? [];
    const formats = FORMATS.filter((f) => supported.includes(f));
    if (formats.length) return new native({ formats });
  }
  const { BarcodeDetector, prepareZXingModule } = await import("barcode-detector/ponyfill");
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? "/vendor/zxing_reader.wasm" : prefix + path) },
  });
  return new BarcodeDetector({ formats: FORMATS as never });
}

/**
 * The tablet's camera as a scanner: frames are read a few times a second; a code seen is scanned once,
 * and again only after it has left the picture (a unit held still is one unit).
 */
export function CameraScanner({ onScan, onClose }: { onScan: (code: string) => void; onClose: () => void }) {
  const t = useTranslations("pack");
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const scan = useRef(onScan);
  useEffect(() => {
    scan.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let inView = "";
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      } catch {
        setProblem(t("cameraDenied"));
        return;
      }
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const detector = await makeDetector().catch(() => null);
      if (!detector) return setProblem(t("cameraNoDecoder"));
      const tick = async () => {
        if (stopped || !video.current) return;
        if (video.current.readyState >= 2) {
          const found = await detector.detect(video.current).catch(() => []);
          const code = found[0]?.rawValue ?? "";
          if (code && code !== inView) scan.current(code);
          inView = code;
        }
        timer = setTimeout(() => void tick(), 150);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  return (
    <div className="space-y-2" data-testid="camera">
      <video ref={video} muted playsInline className="aspect-video w-full rounded-xl bg-slate-900 object-cover" />
      {problem && <p className="text-sm font-medium text-red-700">{problem}</p>}
      <button type="button" onClick={onClose} className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm font-medium">
        {t("cameraClose")}
      </button>
    </div>
  );
}
