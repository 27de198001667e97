import { Command, CommanderError } from "commander";
import { commands } from "./commands";
import { CliError, printFailure } from "./output";

const program = new Command("alphaflow")
  .description("Flow engineering for competitive programming")
  .showHelpAfterError()
  .exitOverride();

for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    printFailure(error);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
