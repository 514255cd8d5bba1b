// Webpack configuration in the shape of the Office add-in template: one entry per page
// (task pane, function commands, browser demo), each with its own HTML file.
//
// `npm run build` (production) needs no certificates. Only `npm run dev-server` asks
// office-addin-dev-certs for the localhost certificate that Office requires.
import path from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerPort = 3000;
const urlDev = `https://localhost:${devServerPort}/`;
// Where the production add-in is hosted. The template keeps this as a constant to edit; here it is
// read from ADDIN_URL so that a deployment can set it without touching the code.
const urlProd = process.env.ADDIN_URL || urlDev;
const officeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

async function httpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

export default async (env, argv) => {
  const production = argv.mode === "production";
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
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        templateContent: commandsHtml(),
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
              return production ? content.toString().split(urlDev).join(urlProd) : content;
            },
          },
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

function commandsHtml() {
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
