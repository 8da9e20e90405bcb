using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Data.Configurations;

/// <summary>Shared column layout of an encrypted number: ciphertext, keyed look-up hash, last four characters.</summary>
internal static class SensitiveValueMapping
{
    public static void Configure(ComplexPropertyBuilder<SensitiveValue> b)
    {
        b.Property(v => v.Cipher).HasMaxLength(200).IsRequired();
        b.Property(v => v.LookupHash).HasMaxLength(64).IsRequired();
        b.Property(v => v.Last4).HasMaxLength(4).IsRequired();
    }
}
