using System.Runtime.CompilerServices;
using Crm.Sdk.ProviderKit;
using Npgsql;

namespace Crm.Sdk.PostgreSql;

/// <content>Export: every document of a collection with its index values, for migrations.</content>
public sealed partial class PostgreSqlDocumentStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ExportedDocument> ExportAsync(string collection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        var model = (await GetModelAsync(cancellationToken).ConfigureAwait(false)).Get(collection);
        var doing = $"exporting {collection}";

        // One statement: one snapshot, streamed row by row by Npgsql.
        var sql = model.ExportSql;
        var connection = await OpenAsync(doing, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection) { CommandTimeout = _commandTimeout };
            await using (command.ConfigureAwait(false))
            {
                NpgsqlDataReader reader;
                try
                {
                    reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    throw StorageErrors.Wrap(doing, ex);
                }

                await using (reader.ConfigureAwait(false))
                {
                    while (true)
                    {
                        ExportedDocument document;
                        try
                        {
                            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                break;
                            }

                            document = model.ReadExported(reader);
                        }
                        catch (Exception ex) when (StorageErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
                        {
                            throw StorageErrors.Wrap(doing, ex);
                        }

                        yield return document;
                    }
                }
            }
        }
    }
}
