// Times what a Node.js bot built on LINE's official SDK does with each webhook request before answering:
// validateSignature over the raw body bytes, then JSON.parse of the body. The payloads are the files that
// benchmarks/LineCrm.Benchmarks/Webhooks reads, so the figures line up with LineCrm's BenchmarkDotNet run.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { validateSignature } = require("@line/bot-sdk");

const secret = "benchmark_channel_secret";
const payloadDir = path.join(__dirname, "..", "LineCrm.Benchmarks", "Webhooks", "Payloads");
const payloads = ["text-1.json", "mixed-20.json"];
const rounds = 7; // like BenchmarkDotNet's iterations: report the median round
const roundMillis = 500;

function timeRound(fn) {
  // Grow the batch until one round takes about roundMillis, then report nanoseconds per call.
  let calls = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    const elapsed = Number(process.hrtime.bigint() - start);
    if (elapsed >= roundMillis * 1e6) return elapsed / calls;
    calls *= 2;
  }
}

function measure(name, fn) {
  timeRound(fn); // warm-up: let V8 optimise
  timeRound(fn);
  const perCall = [];
  for (let r = 0; r < rounds; r++) perCall.push(timeRound(fn));
  perCall.sort((a, b) => a - b);
  return { name, medianNs: perCall[Math.floor(rounds / 2)], minNs: perCall[0], maxNs: perCall[rounds - 1] };
}

const rows = [];
for (const file of payloads) {
  const body = fs.readFileSync(path.join(payloadDir, file)); // a Buffer: the bytes as received
  const signature = crypto.createHmac("sha256", secret).update(body).digest("base64");
  if (!validateSignature(body, secret, signature)) throw new Error(`signature check failed for ${file}`);
  if (JSON.parse(body.toString("utf8")).events.length === 0) throw new Error(`${file} has no events`);

  let sink = 0;
  rows.push({ file, ...measure("@line/bot-sdk validateSignature + JSON.parse", () => {
    if (!validateSignature(body, secret, signature)) throw new Error("invalid");
    sink += JSON.parse(body.toString("utf8")).events.length;
  }) });
  rows.push({ file, ...measure("@line/bot-sdk validateSignature only", () => {
    if (!validateSignature(body, secret, signature)) throw new Error("invalid");
  }) });
  rows.push({ file, ...measure("JSON.parse only", () => {
    sink += JSON.parse(body.toString("utf8")).events.length;
  }) });
  if (sink === 0) throw new Error("nothing parsed");
}

const sdkVersion = require("@line/bot-sdk/package.json").version;
console.log(`Node.js ${process.version}, @line/bot-sdk ${sdkVersion}; median of ${rounds} rounds of ~${roundMillis} ms each`);
console.log("| payload | method | median | min | max |");
console.log("|---|---|---:|---:|---:|");
const us = (ns) => `${(ns / 1000).toFixed(2)} us`;
for (const r of rows) console.log(`| ${r.file} | ${r.name} | ${us(r.medianNs)} | ${us(r.minNs)} | ${us(r.maxNs)} |`);
