// Webpack configuration in the shape of the Office add-in template: one entry per page
// (task pane, function commands, browser demo), each with its own HTML file.
//
// `npm run build` (production) needs no certificates. Only `npm run dev-server` asks
// office-addin-dev-certs for the localhost certificate that Office requires.
import { readFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath, URL } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerPort = 3000;
const urlDev = `https://localhost:${devServerPort}/`;

/**
 * Where office.js comes from, chosen at build time with OFFICE_JS (README, "Deployment"):
 * - global: Microsoft's CDN, the only source AppSource accepts
 *   (learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn);
 * - china: the CDN of Office 365 operated by 21Vianet, which Microsoft's government-cloud guidance
 *   tells add-ins in that cloud to use (learn.microsoft.com/office/dev/add-ins/publish/government-cloud-guidance);
 * - local: a copy of the npm package @microsoft/office-js served with the add-in from dist/office-js/
 *   (for intranets that reach no CDN; the package's README describes this offline use).
 */
export const OFFICE_JS_SOURCES = {
  global: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  china: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
  local: "office-js/office.js",
};

/** The office.js source named by OFFICE_JS (default global); an unknown name stops the build. */
export function officeJsSource(name = "global") {
  if (!Object.hasOwn(OFFICE_JS_SOURCES, name))
    throw new Error(
      `OFFICE_JS=${name}: expected one of ${Object.keys(OFFICE_JS_SOURCES).join(", ")}`
    );
  return { name, url: OFFICE_JS_SOURCES[name] };
}

/**
 * The copy-plugin patterns that put the files of @microsoft/office-js into dist/office-js/ for
 * OFFICE_JS=local: its dist/ folder (office.js loads its host and locale files from beside
 * itself), without the *.debug.js copies. Nothing imports them; the pages load office-js/office.js by URL.
 */
export function localOfficeJsPatterns() {
  const from = path.join(
    path.dirname(require.resolve("@microsoft/office-js/package.json")),
    "dist"
  );
  return [
    {
      from,
      to: "office-js/",
      // The debug copies, and the editor's type and IntelliSense files, are not loaded at run time.
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/*-vsdoc.js"] },
      // Already minified by Microsoft: keep Terser off these 34 MB.
      info: { minimized: true },
    },
  ];
}

/**
 * The manifest for a production build hosted at `addinUrl`: every https://localhost:3000/ URL
 * moves under addinUrl, and the bare origin (AppDomain has no trailing slash) becomes addinUrl's
 * origin, so that no localhost is left.
 */
export function productionManifest(xml, addinUrl) {
  const base = addinUrl.endsWith("/") ? addinUrl : `${addinUrl}/`;
  const origin = new URL(base).origin;
  return xml.split(urlDev).join(base).split(new URL(urlDev).origin).join(origin);
}

async function httpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

export default async (env, argv) => {
  const production = argv.mode === "production";
  // Where the production add-in is hosted. The template keeps this as a constant to edit; here it
  // is read from ADDIN_URL so that a deployment can set it without touching the code.
  const urlProd = process.env.ADDIN_URL || urlDev;
  const officeJs = officeJsSource(process.env.OFFICE_JS || "global");
  const oldHostScript = readFileSync(path.join(here, "src/taskpane/old-host.js"), "utf8");
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // The browser demo is built only when asked for (`--env demo`, or the dev server), so that the
  // production dist/ holds just the add-in.
  const withDemo = Boolean(env && (env.demo || env.WEBPACK_SERVE));
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    context: here,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The self-test for real Excel (the ribbon's 自检 / Self-test button; demo.html?selftest).
      selftest: "./src/selftest/index.ts",
      ...(withDemo ? { demo: "./src/demo/index.tsx" } : {}),
    },
    output: {
      path: path.resolve(here, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: {
      // The budget (300 KB gzipped for the task pane) is checked by scripts/bundle-size.ts.
      hints: false,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // old-host.js is inlined so that it runs, before the deferred bundle, even where the
        // bundle cannot parse (IE11, Edge Legacy).
        templateParameters: {
          officeJs: officeJs.url,
          oldHostScript,
        },
      }),
      new HtmlWebpackPlugin({
        filename: "selftest.html",
        template: "./src/selftest/selftest.html",
        chunks: ["selftest"],
        templateParameters: { officeJs: officeJs.url, oldHostScript },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        templateContent: commandsHtml(officeJs.url),
        chunks: ["commands"],
      }),
      ...(withDemo
        ? [
            new HtmlWebpackPlugin({
              filename: "demo.html",
              template: "./src/demo/demo.html",
              chunks: ["demo"],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return production ? productionManifest(content.toString(), urlProd) : content;
            },
          },
          ...(officeJs.name === "local" ? localOfficeJsPatterns() : []),
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: devServerPort,
          static: { directory: path.resolve(here, "dist") },
        }
      : undefined,
  };
};

function commandsHtml(officeJs) {
  return `<!doctype html>
<html>
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <script type="text/javascript" src="${officeJs}"></script>
  </head>
  <body></body>
</html>
`;
}
