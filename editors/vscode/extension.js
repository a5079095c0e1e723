// The grille extension: starts `grille lsp` for the `.grille` files, and
// opens `grille preview` of the file beside the editor.
"use strict";
const vscode = require("vscode");
const { spawn } = require("child_process");
const { LanguageClient } = require("vscode-languageclient/node");

let client = null;
const previews = new Map();

function program() {
  return vscode.workspace.getConfiguration("grille").get("path") || "grille";
}

/** Says that `grille` could not be started, and what to do. */
function notFound(what, error) {
  vscode.window.showErrorMessage(
    `grille: \`${program()} ${what}\` could not be started (${error.message}). ` +
      "Install grille, or set its full path in the setting grille.path.",
  );
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("grille.preview", () => preview()),
    { dispose: () => previews.forEach((p) => p.kill()) },
  );
  client = new LanguageClient(
    "grille",
    "grille",
    { command: program(), args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "grille" }] },
  );
  try {
    await client.start();
  } catch (error) {
    client = null;
    notFound("lsp", error);
  }
}

/** Starts `grille preview FILE` on a free port and opens it beside. */
function preview() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "grille") {
    vscode.window.showInformationMessage("Open a .grille file to preview it.");
    return;
  }
  const file = editor.document.uri.fsPath;
  const running = previews.get(file);
  if (running && running.address) {
    vscode.commands.executeCommand("simpleBrowser.show", running.address);
    return;
  }
  const child = spawn(program(), ["preview", file, "--listen", "127.0.0.1:0"]);
  previews.set(file, child);
  let text = "";
  child.stdout.on("data", (chunk) => {
    text += chunk;
    const found = /at (http:\/\/[^/\s]+\/)/.exec(text);
    if (found && !child.address) {
      child.address = found[1];
      vscode.commands.executeCommand("simpleBrowser.show", child.address);
    }
  });
  child.stderr.on("data", (chunk) => vscode.window.showErrorMessage("grille preview: " + chunk));
  child.on("error", (error) => {
    previews.delete(file);
    notFound("preview", error);
  });
  child.on("exit", () => previews.delete(file));
}

function deactivate() {
  previews.forEach((p) => p.kill());
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
