package dev.migrate.processor;

import dev.migrate.processor.Members.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What a collection attribute holds: its element type, map key type ({@code null} unless a map),
 * and kind.
 *
 * @param set whether it is a {@code java.util.Set}, whose collection table's key includes the
 *     element
 * @param list whether it is a {@code java.util.List}
 * @param map whether it is a {@code java.util.Map}, whose collection table has a key column
 */
record CollectionShape(TypeMirror element, TypeMirror key, boolean set, boolean list, boolean map) {

  /**
   * The shape of {@code a}'s type, or {@code null} if it is not a collection or map of a declared
   * type.
   */
  static CollectionShape of(Attribute a, Types types) {
    if (a.type().getKind() != TypeKind.DECLARED) {
      return null;
    }
    Map<String, DeclaredType> supertypes = supertypes(a.type(), types);
    DeclaredType map = supertypes.get("java.util.Map");
    if (map != null) {
      List<? extends TypeMirror> args = map.getTypeArguments();
      return args.size() == 2
          ? new CollectionShape(args.get(1), args.get(0), false, false, true)
          : null;
    }
    DeclaredType collection = supertypes.get("java.util.Collection");
    if (collection == null) {
      return null;
    }
    List<? extends TypeMirror> args = collection.getTypeArguments();
    if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
      return null;
    }
    boolean set = supertypes.containsKey("java.util.Set");
    boolean list = supertypes.containsKey("java.util.List");
    return new CollectionShape(args.get(0), null, set, list, false);
  }

  /**
   * {@code type} and its supertypes by qualified name, each as first met breadth-first (one walk
   * for all the collection interfaces {@link #of} asks about).
   */
  private static Map<String, DeclaredType> supertypes(TypeMirror type, Types types) {
    Map<String, DeclaredType> result = new HashMap<>();
    List<TypeMirror> queue = new ArrayList<>();
    queue.add(type);
    for (int i = 0; i < queue.size() && i < 100; i++) {
      TypeMirror t = queue.get(i);
      if (t.getKind() == TypeKind.DECLARED) {
        result.putIfAbsent(
            Annotations.text(((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName()),
            (DeclaredType) t);
      }
      queue.addAll(types.directSupertypes(t));
    }
    return result;
  }
}
