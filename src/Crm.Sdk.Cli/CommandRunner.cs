using System.CommandLine;
using Crm.Sdk.Duplicates;
using Crm.Sdk.Encryption;
using Crm.Sdk.Import;
using Crm.Sdk.Security;

namespace Crm.Sdk.Cli;

/// <summary>
/// Runs a command's handler: opens the store, hands it a <see cref="CommandContext"/>, and turns every failure into a
/// message a person can act on (on standard error, or as <c>{"error": …}</c> with <c>--json</c>) and an exit code of
/// <see cref="ExitCodes"/>.
/// </summary>
internal sealed class CommandRunner(GlobalOptions options, Func<string, string?> environment)
{
    /// <summary>The global options.</summary>
    public GlobalOptions Options { get; } = options;

    /// <summary>Sets <paramref name="command"/>'s action to run <paramref name="handler"/> over the opened store.</summary>
    /// <param name="command">The command.</param>
    /// <param name="handler">The handler; returns an exit code.</param>
    /// <param name="createStore">An option that, when set, lets the command create a SQLite store file that does not exist yet (<c>crm import --create-store</c>).</param>
    /// <param name="check">Checks the arguments before the store is opened (so bad input neither opens nor creates a store); throws as the handler would.</param>
    public void SetHandler(Command command, Func<CommandContext, CancellationToken, Task<int>> handler, Option<bool>? createStore = null, Action<ParseResult>? check = null) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, handler, createStore is not null && parse.GetValue(createStore), check, cancellationToken));

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> handler, bool createStore, Action<ParseResult>? check, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var json = parse.GetValue(Options.Json);
        try
        {
            check?.Invoke(parse);
            var session = CrmSession.Open(parse, Options, environment, createStore);
            await using (session.ConfigureAwait(false))
            {
                return await handler(new CommandContext(parse, session, output, error, json), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Classify(e) is { } failure)
        {
            await ReportAsync(output, error, json, failure.Code, failure.Message).ConfigureAwait(false);
            return failure.Code;
        }
    }

    private static async Task ReportAsync(TextWriter output, TextWriter error, bool json, int code, string message)
    {
        if (json)
        {
            await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { error = message, exitCode = code })).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"crm: {message}").ConfigureAwait(false);
    }

    /// <summary>The exit code and message of a failure; every exception is classified (unknown ones as failures).</summary>
    private static (int Code, string Message)? Classify(Exception e) => e switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "Cancelled."),
        EntityNotFoundException notFound => (ExitCodes.NotFound, notFound.Message),
        AccessDeniedException denied => (ExitCodes.AccessDenied, denied.Message),
        CryptographicIntegrityException crypto => (ExitCodes.KeyProblem,
            $"The store's data cannot be decrypted with the key given ({crypto.Failure}): check --key-file or ${GlobalOptions.RootKeyVariable} is the host's root key. {crypto.Message}"),
        CrmConfigurationException configuration when configuration.Message.Contains("key", StringComparison.OrdinalIgnoreCase) => (ExitCodes.KeyProblem,
            $"{configuration.Message} Give the host's root key with --key-file or ${GlobalOptions.RootKeyVariable} ('<key-id>:<base64 key>')."),
        CrmValidationException validation => (ExitCodes.BadArguments, validation.Message),
        ImportMappingException mapping => (ExitCodes.BadArguments, $"The map file is not valid: {mapping.Message}"),
        MergeConflictException conflict => (ExitCodes.Conflict, conflict.Message),
        ConcurrencyConflictException concurrency => (ExitCodes.Conflict, $"{concurrency.Message} Nothing was written; run the command again."),
        DomainRuleException rule => (ExitCodes.BadArguments, rule.Message),
        CrmStorageException storage => (ExitCodes.StoreUnreadable, $"The store cannot be read: {storage.Message} {storage.InnerException?.Message}".TrimEnd()),
        _ => (ExitCodes.Failure, $"Unexpected failure: {e.GetType().Name}: {e.Message}"),
    };
}
