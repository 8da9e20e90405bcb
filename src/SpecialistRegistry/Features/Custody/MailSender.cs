using System.Text;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Features.Custody;

public sealed record MailMessageData(string To, string Subject, string Body);

/// <summary>Where reminder e-mails go. Replace the registration to send through a real mail server.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessageData message, CancellationToken ct = default);
}

/// <summary>
/// The default sender: one RFC 5322 .eml file per message in <c>{DataFolder}/mail-pickup</c>, the drop folder
/// most mail servers (IIS SMTP, Postfix with a pickup script) and mail viewers understand.
/// </summary>
public sealed class PickupFolderMailSender(IOptions<RegistryOptions> registry, IOptions<CustodyOptions> custody, IHostEnvironment env, TimeProvider clock) : IMailSender
{
    public string Folder => Path.Combine(registry.Value.DataPath(env.ContentRootPath), "mail-pickup");

    public async Task SendAsync(MailMessageData message, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var eml = new StringBuilder()
            .Append("From: ").Append(custody.Value.MailFrom).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(id.ToString("N")).Append("@registry.invalid>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Body), Base64FormattingOptions.InsertLineBreaks))
            .Append("\r\n");
        // Written under a temporary name first, so a pickup process never reads half a message.
        var path = Path.Combine(Folder, $"{now:yyyyMMddHHmmss}-{id:N}.eml");
        await File.WriteAllTextAsync(path + ".tmp", eml.ToString(), ct);
        File.Move(path + ".tmp", path);
    }
}
