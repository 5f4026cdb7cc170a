using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Crm.Sdk.Cli;

/// <summary>What a command's handler works with: the parse result, the opened store, and where to write.</summary>
internal sealed class CommandContext
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public CommandContext(ParseResult parse, CrmSession session, TextWriter output, TextWriter error, bool json)
    {
        Parse = parse;
        Session = session;
        Output = output;
        Error = error;
        IsJson = json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

        // Not a terminal (a pipe, a file, a test's writer): no width to fit, so tables are not wrapped at 80 columns.
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected)
        {
            Console.Profile.Width = 200;
        }

        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
    }

    /// <summary>The parsed command line.</summary>
    public ParseResult Parse { get; }

    /// <summary>The opened store.</summary>
    public CrmSession Session { get; }

    /// <summary>The CRM.</summary>
    public ICrm Crm => Session.Crm;

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool IsJson { get; }

    /// <summary>Standard output, for tables (Spectre.Console).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Standard error, for progress and notes (Spectre.Console).</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Writes a value as indented JSON, camel-cased, on standard output.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Reads an id argument.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <returns>The id.</returns>
    /// <exception cref="CliException">The text is not an id.</exception>
    public Id<T> IdOf<T>(Argument<string> argument)
        where T : class
    {
        var text = Parse.GetRequiredValue(argument);
        return Guid.TryParse(text, out var guid) && guid != Guid.Empty
            ? new Id<T>(guid)
            : throw new CliException(ExitCodes.BadArguments, $"'{text}' is not a {argument.Name}: an id is a GUID such as 0193d4a2-7c1e-7b3a-9f7e-1c2d3e4f5a6b (see 'crm customers find').");
    }
}
