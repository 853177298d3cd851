package gallery.vision.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code gallery-vision-cli.jar}. */
@Command(name = "gallery-vision-cli", mixinStandardHelpOptions = true, version = "gallery-vision-cli 0.1.0",
        description = "Command-line tools for a Gallery Vision server.",
        subcommands = {ReindexCommand.class, CommandLine.HelpCommand.class})
public final class GalleryVisionCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with this tool's exit codes, for main and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new GalleryVisionCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
