using System.Text.Json;

namespace Crm.Sdk.Cli.Tests;

/// <summary>One in-process run of <c>crm</c>: its exit code and what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the tool with the arguments and environment variables given.</summary>
    /// <param name="environment">The environment variables the tool sees (nothing else of the machine's).</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The run.</returns>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CrmCli.RunAsync(args, output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Standard output parsed as JSON.</summary>
    /// <returns>The document.</returns>
    public JsonDocument Json() => JsonDocument.Parse(Output);
}
