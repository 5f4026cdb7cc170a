using System.CommandLine;
using Crm.Sdk.Customers;
using Crm.Sdk.Privacy;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm export subject &lt;customer-id&gt; [--output file]</c>: the subject access export (GDPR Art. 15/20) of one
/// customer, to a file or to standard output. With <c>--output</c>, a summary is printed (as JSON with <c>--json</c>);
/// without it, the document itself is standard output. A denied or failed export leaves no file behind.
/// </summary>
internal static class ExportSubjectCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("customer-id") { Description = "The customer's id." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write the JSON document to (standard output when omitted)." };
        var command = new Command("subject", "Export everything the CRM holds about one customer as one JSON document (GDPR Art. 15/20).") { id, output };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var customerId = context.IdOf<Customer>(id);
            var file = context.Parse.GetValue(output);
            if (file is null)
            {
                // Every access check is made before the first byte: a denied export writes nothing to standard output.
                var stdout = new TextWriterStream(context.Output);
                await using (stdout.ConfigureAwait(false))
                {
                    await context.Crm.Customers.ExportAsync(customerId, stdout, null, cancellationToken).ConfigureAwait(false);
                }

                await context.Output.WriteLineAsync().ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var result = await OutputFile.WriteAsync(file, async path =>
            {
                var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (stream.ConfigureAwait(false))
                {
                    return context.IsJson
                        ? await context.Crm.Customers.ExportAsync(customerId, stream, null, cancellationToken).ConfigureAwait(false)
                        : await context.ErrorConsole.Status().StartAsync("Exporting…", status => context.Crm.Customers.ExportAsync(
                            customerId,
                            stream,
                            new Progress<SubjectExportProgress>(p => status.Status($"Exporting {p.Section}: {p.RecordsWritten:N0} records")),
                            cancellationToken)).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);

            var summary = new
            {
                customerId = result.CustomerId.Value,
                file = file.FullName,
                erased = result.IsErased,
                interactions = result.Interactions,
                deals = result.Deals,
                tickets = result.Tickets,
                auditEntries = result.AuditEntries,
                bytes = result.Bytes,
                schemaVersion = SubjectExport.SchemaVersion,
            };
            if (context.IsJson)
            {
                context.WriteJson(summary);
            }
            else
            {
                context.Console.MarkupLine($"Exported customer [bold]{result.CustomerId.Value}[/]{(result.IsErased ? " (erased)" : "")} to {Markup.Escape(file.FullName)}: {result.Interactions} interactions, {result.Deals} deals, {result.Tickets} tickets, {result.AuditEntries} audit entries, {result.Bytes} bytes.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
