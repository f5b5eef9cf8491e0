import { parseXliff } from './server/modules/directory/xliff.ts';
const time = (label: string, xml: string) => {
  const t = performance.now();
  let r = 'ok';
  try { parseXliff(xml, 'tr'); } catch (e) { r = String((e as Error).message); }
  console.log(label, (xml.length / 1e6).toFixed(2), 'MB', Math.round(performance.now() - t), 'ms', r);
};
const head = '<?xml version="1.0"?><xliff version="1.2"><file original="lotse-directory" source-language="de" target-language="tr"><body>';
const tail = '</body></file></xliff>';
time('nested1000', head + '<a>'.repeat(1000) + '</a>'.repeat(1000) + tail);
const attrs = Array.from({ length: 200_000 }, (_, i) => ` a${i}="x"`).join('');
time('200k attrs one element', head + `<trans-unit id="x"${attrs}/>` + tail);
const spread = Array.from({ length: 100_000 }, (_, i) => `<g a="${i}" b="x"/>`).join('');
time('100k elements 2 attrs', head + spread + tail);
const units = Array.from({ length: 30_000 }, (_, i) => `<trans-unit id="service/${i}/name" resname="0123456789abcdef"><source>Beratung für Familien ${i}</source><target state="translated">Aileler için danışmanlık ${i}</target></trans-unit>`).join('');
time('30k units', head + units + tail);
