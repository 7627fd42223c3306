using System.CommandLine;

namespace Waishi.Web.Platform.Cli;

public static class UserCommand
{
    public static Command Create(WebApplication app)
    {
        var command = new Command("user", "Not yet available.");
        command.SetAction(_ => { Console.Error.WriteLine("error: not yet available"); return 2; });
        return command;
    }
}
