using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace SpecialistRegistry.Data;

/// <summary>
/// Encrypts Data Protection's key ring at rest with the field key (AES-GCM, a key derived for this use only):
/// the sign-in and antiforgery keys live in the database every node shares, and whoever reads the database
/// without the key file outside it cannot forge a cookie.
/// </summary>
public sealed class FieldKeyXmlEncryptor(IServiceProvider services) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        // Asked for only when a key is made: Data Protection builds its key manager before start-up has checked the field key.
        var protector = services.GetRequiredService<FieldProtector>();
        var clear = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the registry's field key (docs/operations.md). "),
            new XElement("value", Convert.ToBase64String(protector.EncryptBlob(clear))));
        return new EncryptedXmlInfo(element, typeof(FieldKeyXmlDecryptor));
    }
}

/// <summary>Made by Data Protection from the type named in the stored XML; takes the field key from the container.</summary>
public sealed class FieldKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var protector = services.GetRequiredService<FieldProtector>();
        var cipher = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        return XElement.Parse(Encoding.UTF8.GetString(protector.DecryptBlob(cipher)));
    }
}
