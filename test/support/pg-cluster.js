// A separate embedded PostgreSQL cluster in a child process, for tests that stop and start the
// database under a running service. Usage: node pg-cluster.js DATA_DIR PORT — prints "READY <url>"
// and stops the server on SIGTERM/SIGINT.
const { startEmbeddedPostgres } = require('@tdkt/embedded-db');

const [dataDir, port] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, port: Number(port) })
  .then((cluster) => {
    process.stdout.write(`READY ${cluster.adminUrl}\n`);
    const stop = () => cluster.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
