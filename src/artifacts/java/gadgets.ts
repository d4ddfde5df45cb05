// Classes that gadget chains for Java deserialization are built from (the ysoserial catalogue and later
// research). A class is listed with the chains that use it and whether it is the part that executes: a stream
// naming one of those is a payload, not data. Generic trigger classes (HashMap, PriorityQueue) are not listed.

export interface GadgetClass {
  /** ysoserial payload names (or research names) that use the class. */
  chains: string[];
  /** The class runs code, loads bytecode, or reaches JNDI/files itself (not only a trigger or a link). */
  executes: boolean;
}

const CC3 = ["CommonsCollections1", "CommonsCollections3", "CommonsCollections5", "CommonsCollections6", "CommonsCollections7"];
const CC4 = ["CommonsCollections2", "CommonsCollections4"];

export const GADGET_CLASSES: Readonly<Record<string, GadgetClass>> = {
  "org.apache.commons.collections.functors.InvokerTransformer": { chains: CC3, executes: true },
  "org.apache.commons.collections.functors.InstantiateTransformer": { chains: ["CommonsCollections3"], executes: true },
  "org.apache.commons.collections.functors.InstantiateFactory": { chains: ["CommonsCollections (factory variants)"], executes: true },
  "org.apache.commons.collections.functors.ChainedTransformer": { chains: CC3, executes: false },
  "org.apache.commons.collections.functors.ConstantTransformer": { chains: CC3, executes: false },
  "org.apache.commons.collections.map.LazyMap": { chains: CC3, executes: false },
  "org.apache.commons.collections.map.TransformedMap": { chains: ["CommonsCollections1 (TransformedMap variant)"], executes: false },
  "org.apache.commons.collections.keyvalue.TiedMapEntry": { chains: ["CommonsCollections5", "CommonsCollections6", "CommonsCollections7"], executes: false },
  "org.apache.commons.collections4.functors.InvokerTransformer": { chains: CC4, executes: true },
  "org.apache.commons.collections4.functors.InstantiateTransformer": { chains: ["CommonsCollections4"], executes: true },
  "org.apache.commons.collections4.functors.ChainedTransformer": { chains: CC4, executes: false },
  "org.apache.commons.collections4.functors.ConstantTransformer": { chains: CC4, executes: false },
  "org.apache.commons.collections4.comparators.TransformingComparator": { chains: CC4, executes: false },
  "org.apache.commons.collections4.map.LazyMap": { chains: ["CommonsCollections (collections4 variants)"], executes: false },
  "org.apache.commons.beanutils.BeanComparator": { chains: ["CommonsBeanutils1"], executes: false },
  "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl": { chains: ["CommonsBeanutils1", "CommonsCollections2", "CommonsCollections3", "CommonsCollections4", "Jdk7u21", "Spring1", "ROME", "Hibernate1", "JSON1"], executes: true },
  "org.apache.xalan.xsltc.trax.TemplatesImpl": { chains: ["TemplatesImpl (Xalan)"], executes: true },
  "sun.reflect.annotation.AnnotationInvocationHandler": { chains: ["CommonsCollections1", "CommonsCollections3", "Jdk7u21", "Groovy1", "Spring1"], executes: false },
  "org.springframework.core.SerializableTypeWrapper$MethodInvokeTypeProvider": { chains: ["Spring1", "Spring2"], executes: true },
  "org.springframework.beans.factory.support.AutowireUtils$ObjectFactoryDelegatingInvocationHandler": { chains: ["Spring1"], executes: false },
  "org.springframework.aop.framework.JdkDynamicAopProxy": { chains: ["Spring2"], executes: false },
  "org.springframework.transaction.jta.JtaTransactionManager": { chains: ["Spring JtaTransactionManager (JNDI)"], executes: true },
  "org.codehaus.groovy.runtime.ConvertedClosure": { chains: ["Groovy1"], executes: false },
  "org.codehaus.groovy.runtime.MethodClosure": { chains: ["Groovy1"], executes: true },
  "com.sun.syndication.feed.impl.ObjectBean": { chains: ["ROME"], executes: false },
  "com.sun.syndication.feed.impl.ToStringBean": { chains: ["ROME"], executes: true },
  "com.sun.syndication.feed.impl.EqualsBean": { chains: ["ROME"], executes: false },
  "com.rometools.rome.feed.impl.ObjectBean": { chains: ["ROME (rometools)"], executes: false },
  "com.rometools.rome.feed.impl.ToStringBean": { chains: ["ROME (rometools)"], executes: true },
  "com.rometools.rome.feed.impl.EqualsBean": { chains: ["ROME (rometools)"], executes: false },
  "com.mchange.v2.c3p0.impl.PoolBackedDataSourceBase": { chains: ["C3P0"], executes: true },
  "com.mchange.v2.c3p0.PoolBackedDataSource": { chains: ["C3P0"], executes: true },
  "com.mchange.v2.c3p0.impl.ReferenceIndirector$ReferenceSerialized": { chains: ["C3P0"], executes: true },
  "org.hibernate.property.BasicPropertyAccessor$BasicGetter": { chains: ["Hibernate1"], executes: true },
  "org.hibernate.property.access.spi.GetterMethodImpl": { chains: ["Hibernate1 (5.x)"], executes: true },
  "org.hibernate.engine.spi.TypedValue": { chains: ["Hibernate1", "Hibernate2"], executes: false },
  "org.hibernate.tuple.component.AbstractComponentTuplizer": { chains: ["Hibernate1"], executes: false },
  "net.sf.json.JSONObject": { chains: ["JSON1"], executes: false },
  "bsh.XThis": { chains: ["BeanShell1"], executes: true },
  "bsh.NameSpace": { chains: ["BeanShell1"], executes: false },
  "org.mozilla.javascript.NativeJavaObject": { chains: ["MozillaRhino1", "MozillaRhino2"], executes: false },
  "org.mozilla.javascript.NativeError": { chains: ["MozillaRhino1"], executes: false },
  "org.mozilla.javascript.tools.shell.Environment": { chains: ["MozillaRhino2"], executes: true },
  "org.mozilla.javascript.MemberBox": { chains: ["MozillaRhino1", "MozillaRhino2"], executes: true },
  "org.apache.myfaces.view.facelets.el.ValueExpressionMethodExpression": { chains: ["Myfaces1", "Myfaces2"], executes: true },
  "org.jboss.interceptor.proxy.InterceptorMethodHandler": { chains: ["JBossInterceptors1", "JavassistWeld1"], executes: true },
  "org.jboss.weld.interceptor.proxy.InterceptorMethodHandler": { chains: ["JavassistWeld1"], executes: true },
  "org.apache.commons.fileupload.disk.DiskFileItem": { chains: ["FileUpload1"], executes: true },
  "org.apache.wicket.util.upload.DiskFileItem": { chains: ["Wicket1"], executes: true },
  "org.aspectj.weaver.tools.cache.SimpleCache$StoreableCachingMap": { chains: ["AspectJWeaver"], executes: true },
  "com.vaadin.data.util.NestedMethodProperty": { chains: ["Vaadin1"], executes: true },
  "com.vaadin.data.util.PropertysetItem": { chains: ["Vaadin1"], executes: false },
  "org.apache.click.control.Column$ColumnComparator": { chains: ["Click1"], executes: false },
  "org.python.core.PyFunction": { chains: ["Jython1"], executes: false },
  "org.python.core.PyBytecode": { chains: ["Jython1"], executes: true },
  "clojure.core$comp": { chains: ["Clojure"], executes: false },
  "clojure.main$eval_opt": { chains: ["Clojure"], executes: true },
  "clojure.inspector.proxy$javax.swing.table.AbstractTableModel$ff19274a": { chains: ["Clojure"], executes: false },
  "com.sun.rowset.JdbcRowSetImpl": { chains: ["JdbcRowSetImpl (JNDI)"], executes: true },
  "javax.management.BadAttributeValueExpException": { chains: ["CommonsCollections5", "ROME variants", "JSON variants"], executes: false },
  "org.apache.commons.configuration.ConfigurationMap": { chains: ["CommonsConfiguration"], executes: false },
  "org.apache.commons.configuration2.ConfigurationMap": { chains: ["CommonsConfiguration2"], executes: false },
  "com.sun.jndi.rmi.registry.ReferenceWrapper": { chains: ["JNDI reference"], executes: true },
  "javax.naming.Reference": { chains: ["JNDI reference"], executes: false },
  "org.apache.commons.io.output.DeferredFileOutputStream": { chains: ["FileUpload1 (commons-io)"], executes: true },
};

/** Proxy interfaces and class-name prefixes that only payloads use. */
export const GADGET_PREFIXES: readonly { prefix: string; chain: string }[] = [
  { prefix: "ysoserial.", chain: "ysoserial marker classes" },
  { prefix: "org.apache.commons.collections.functors.", chain: "CommonsCollections (functors)" },
  { prefix: "org.apache.commons.collections4.functors.", chain: "CommonsCollections (functors)" },
];
