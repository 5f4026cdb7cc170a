using System.Text.Json;

namespace Crm.Sdk.Import;

/// <summary>Writes the row results as JSON Lines: <c>{"line":12,"outcome":"rejected","errors":[{"field":…,"rule":…,"message":…}]}</c>.</summary>
internal sealed class ReportWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;

    public ReportWriter(string path, long resumeAt)
    {
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        _stream.SetLength(resumeAt);
        _stream.Position = resumeAt;
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public long Length => _stream.Position;

    public void Write(ImportRowResult result)
    {
        _writer.WriteStartObject();
        _writer.WriteNumber("line", result.Line);
        _writer.WriteString("outcome", JsonNamingPolicy.CamelCase.ConvertName(result.Outcome.ToString()));
        if (result.RecordId is { } id)
        {
            _writer.WriteString("recordId", id);
        }

        if (result.CustomerId is { } customerId)
        {
            _writer.WriteString("customerId", customerId);
        }

        if (result.CustomerCreated)
        {
            _writer.WriteBoolean("customerCreated", true);
        }

        if (result.Errors.Count > 0)
        {
            _writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                _writer.WriteStartObject();
                _writer.WriteString("field", error.Field);
                _writer.WriteString("rule", error.Rule);
                _writer.WriteString("message", error.Message);
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
        }

        if (result.Changes.Count > 0)
        {
            _writer.WriteStartArray("changes");
            foreach (var change in result.Changes)
            {
                _writer.WriteStartObject();
                _writer.WriteString("field", change.Field);
                _writer.WriteString("before", change.Before);
                _writer.WriteString("after", change.After);
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
        }

        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        _stream.WriteByte((byte)'\n');
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
