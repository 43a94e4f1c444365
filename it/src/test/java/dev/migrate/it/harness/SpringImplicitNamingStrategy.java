package dev.migrate.it.harness;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's {@code org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy},
 * written out here so that the tests need no spring-boot dependency: JPA-compliant implicit names,
 * except that an implicit join table is named {@code <owning entity's physical table>_<owning
 * attribute>} ({@code product_tags}) instead of JPA's {@code <owning entity>_<target entity>}
 * ({@code Product_Tag}).
 */
public class SpringImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

  private static final long serialVersionUID = 1L;

  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    String name =
        source.getOwningPhysicalTableName()
            + "_"
            + source.getAssociationOwningAttributePath().getProperty();
    return toIdentifier(name, source.getBuildingContext());
  }
}
