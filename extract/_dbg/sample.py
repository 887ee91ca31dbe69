import json,random,subprocess,sys,os
random.seed(int(sys.argv[1]))
lines=open('/work/shared/corpus/bbc.jsonl').read().splitlines()
dev=set(f[:-5] for f in os.listdir('/work/main/testdata/devset') if f.endswith('.json'))
picked=[]
while len(picked)<int(sys.argv[2]):
    o=json.loads(random.choice(lines))
    if o['id'] in dev or o['text'].count('"')<6: continue
    picked.append(o)
for o in picked:
    p='/tmp/p8_%s.json'%o['id']
    json.dump(o,open(p,'w'))
    print('=====',o['id'])
    print(o['text'][:3000])
    out=subprocess.run(['/tmp/p8dbg',p],capture_output=True,text=True).stdout
    print('\n'.join(l for l in out.splitlines() if l.startswith('S ') or l.startswith('Q ')))
